/** The single IPC channel for API calls; shared by preload and main so the name cannot drift. */
export const API_CHANNEL = 'lets:api';
