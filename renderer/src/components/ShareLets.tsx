import { useState } from 'react';
import { useCall } from '../hooks/use-call';
import { ErrorNotice } from './ErrorNotice';
import { Loading } from './Loading';
import { QrCode } from './QrCode';

/**
 * "Share this LETS": the link another computer follows it by (network, LETS id, where its history starts), as text
 * to copy and as a QR code to scan. It holds nothing secret: anyone may follow a LETS; only its keys can act for it.
 */
export function ShareLets({ letsId }: { letsId: number }) {
  const { state } = useCall('lets.share', { letsId });
  const [copied, setCopied] = useState(false);
  if (state.status === 'loading') return <Loading what="the link" />;
  if (state.status === 'failed') return <ErrorNotice error={state.error} />;
  const { link, name } = state.value;
  const copy = () => void navigator.clipboard.writeText(link).then(() => setCopied(true), () => setCopied(false));
  return (
    <section className="share-lets stack" aria-label={`Share ${name}`}>
      <p>Another computer follows {name} from this link: in “Follow a LETS”, paste it or scan the code.</p>
      <QrCode text={link} label={`LETS link of ${name}`} />
      <p className="path" data-testid="lets-link">
        {link}
      </p>
      <div className="row">
        <button type="button" className="button secondary" onClick={copy}>
          Copy the link
        </button>
        <span role="status">{copied ? 'Copied.' : ''}</span>
      </div>
    </section>
  );
}
