import type { ApiError } from '../api/client';

/** How every failure looks: what happened, then what to do. Never a stack trace. */
export function ErrorNotice({ error }: { error: ApiError }) {
  return (
    <div className="notice notice-error" role="alert">
      <p className="notice-title">{error.message}</p>
      <p className="notice-hint">{error.hint}</p>
    </div>
  );
}
