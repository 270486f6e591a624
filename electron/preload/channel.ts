/** The single IPC channel for API calls; shared by preload and main so the name cannot drift. */
export const API_CHANNEL = 'lets:api';

/** Saving the page as PDF (main-only printToPDF and file dialogs); see electron/main/print-to-pdf.ts. */
export const PDF_CHANNEL = 'lets:pdf';

/** Backing up and restoring the database through file dialogs (main only); see electron/main/database-files.ts. */
export const DATABASE_FILES_CHANNEL = 'lets:database-files';

/** Opening a standing ErgoPay signing request in a wallet on this computer (main only); see electron/main/wallet-links.ts. */
export const WALLET_CHANNEL = 'lets:wallet';
