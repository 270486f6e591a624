import { useState, type FormEvent } from 'react';
import type { CallInput } from '../../../../electron/core/api/contract';
import type { FoundingPlan, FoundingView } from '../../../../electron/core/api/calls/founding-types';
import type { SignerChoice } from '../../../../electron/core/api/calls/outbox-types';
import { formatErg, parseErg } from '../../../../electron/core/lets/amount';
import { ApiError, callApi } from '../../api/client';
import { useBusyWork } from '../../hooks/use-busy-work';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Field } from '../../components/Field';
import { KeyPathFields, type KeyPathChoice } from '../../components/KeyPathFields';
import { useCall } from '../../hooks/use-call';
import { RulesOf } from '../settings/ChainRules';

type Model = 'committee' | 'trustless';

interface Draft {
  model: Model;
  name: string;
  unit: string;
  floor: string;
  cap: string;
  capacity: string;
  /** Trustless: ERG as typed. */
  minimumCollateral: string;
  collateralPerUnit: string;
  lockPeriod: string;
}

const START: Draft = { model: 'committee', name: '', unit: '', floor: '200.00', cap: '', capacity: '250', minimumCollateral: '1', collateralPerUnit: '0.1', lockPeriod: '720' };

type Choice = CallInput<'founding.plan'>;

/** The draft as the API takes it; collateral in nanoERG (per minor unit of debt), or a sentence saying what is wrong. */
function choiceOf(draft: Draft): Choice | ApiError {
  const capacity = Number(draft.capacity);
  const base = { model: draft.model, name: draft.name, unit: draft.unit, floor: draft.floor, cap: draft.cap.trim(), capacity: Number.isInteger(capacity) ? capacity : 0 };
  if (draft.model === 'committee') return { ...base, collateral: null };
  const minimum = parseErg(draft.minimumCollateral);
  const perUnit = parseErg(draft.collateralPerUnit);
  const lockPeriod = Number(draft.lockPeriod);
  const wrong = (message: string) => new ApiError({ code: 'invalid-input', message, hint: 'Enter ERG as a number such as 0.5 (at most nine decimals).' });
  if (minimum === undefined) return wrong(`The minimum collateral "${draft.minimumCollateral}" is not an amount of ERG.`);
  // The contract counts collateral per minor unit (a cent): 1.00 unit of debt is 100 of them.
  if (perUnit === undefined || perUnit % 100n !== 0n) return wrong(`The collateral per unit "${draft.collateralPerUnit}" is not an amount of ERG with at most seven decimals.`);
  if (!Number.isInteger(lockPeriod)) return wrong('The lock period is a whole number of blocks.');
  return { ...base, collateral: { minimumCollateral: minimum.toString(), collateralPerUnit: (perUnit / 100n).toString(), lockPeriod } };
}

/**
 * The first three steps of founding: what the LETS is, what the chain will enforce for it, and the key that founds
 * it. Nothing is kept until the key is chosen; from then on the founding survives a restart.
 */
export function FoundingForm({ network, onStarted }: { network: 'devnet' | 'testnet' | 'mainnet'; onStarted: (view: FoundingView) => void }) {
  const [draft, setDraft] = useState<Draft>(START);
  const [step, setStep] = useState<'choose' | 'rules' | 'key'>('choose');
  const [plan, setPlan] = useState<FoundingPlan | null>(null);
  const { busy, error, setError, run } = useBusyWork();
  const signers = useCall('signing.options', {}).state;
  const offered = signers.status === 'ready' ? signers.value.signers : [];
  const [signer, setSigner] = useState<SignerChoice | null>(null);
  const chosenSigner = signer ?? offered[0] ?? null;
  const [keyPath, setKeyPath] = useState<KeyPathChoice>({ account: '0', index: '0' });
  const change = (patch: Partial<Draft>) => setDraft({ ...draft, ...patch });

  if (network === 'mainnet') {
    return (
      <div className="notice settings-warning" role="note">
        <p className="notice-title">The app does not found a LETS on mainnet yet.</p>
        <p className="notice-hint">
          This version’s contracts cannot renew a box against Ergo’s storage rent, so an account left untouched for four years could be taken. Found
          the LETS on testnet (Settings: a testnet node or the Explorer on testnet) or try it on the demo chain.
        </p>
      </div>
    );
  }

  const toRules = (event: FormEvent) => {
    event.preventDefault();
    const choice = choiceOf(draft);
    if (choice instanceof ApiError) return setError(choice);
    run(() => callApi('founding.plan', choice), (next) => {
      setPlan(next);
      setStep('rules');
    });
  };
  const start = (event: FormEvent) => {
    event.preventDefault();
    const choice = choiceOf(draft);
    if (choice instanceof ApiError) return setError(choice);
    if (!chosenSigner) return;
    run(() => callApi('founding.start', { ...choice, signer: chosenSigner, account: Number(keyPath.account), index: Number(keyPath.index) }), onStarted);
  };

  return (
    <div className="stack">
      <ol className="wizard-steps" aria-label="Steps">
        {(['The LETS', 'What the chain enforces', 'The founding key', 'Funding', 'Sign', 'Followed'] as const).map((name, i) => (
          <li key={name} aria-current={i === ['choose', 'rules', 'key'].indexOf(step) ? 'step' : undefined}>
            {i + 1}. {name}
          </li>
        ))}
      </ol>
      {step === 'choose' && (
        <form className="card stack" onSubmit={toRules} aria-label="The LETS">
          <fieldset className="settings-choice">
            <legend>Model</legend>
            <label>
              <input type="radio" name="model" checked={draft.model === 'committee'} onChange={() => change({ model: 'committee' })} /> Committee LETS: the
              committee enrols members; members sign their own payments
            </label>
            <label>
              <input type="radio" name="model" checked={draft.model === 'trustless'} onChange={() => change({ model: 'trustless' })} /> Trustless LETS: anyone
              joins by locking collateral; no committee
            </label>
          </fieldset>
          <Field label="Name" value={draft.name} onChange={(name) => change({ name })} placeholder="Riverside LETS" />
          <Field label="Unit" value={draft.unit} onChange={(unit) => change({ unit })} placeholder="EUR-LETS, hours…" />
          <Field label="Credit floor" value={draft.floor} onChange={(floor) => change({ floor })} hint="How far below zero a balance may go, such as 200.00." />
          <Field label="Credit cap (empty: no cap)" value={draft.cap} onChange={(cap) => change({ cap })} hint="The highest balance allowed." />
          <Field label="Member capacity" value={draft.capacity} onChange={(capacity) => change({ capacity })} inputMode="numeric" hint="How many members may hold an account at once." />
          {draft.model === 'trustless' && (
            <>
              <Field label="Minimum collateral to join (ERG)" value={draft.minimumCollateral} onChange={(minimumCollateral) => change({ minimumCollateral })} />
              <Field
                label="Collateral per 1.00 unit of debt (ERG)"
                value={draft.collateralPerUnit}
                onChange={(collateralPerUnit) => change({ collateralPerUnit })}
                hint="A member may owe as much as their locked ERG backs."
              />
              <Field label="Lock period (blocks, about 720 a day)" value={draft.lockPeriod} onChange={(lockPeriod) => change({ lockPeriod })} inputMode="numeric" />
            </>
          )}
          <div className="row">
            <button type="submit" className="button" disabled={busy}>
              Next: what the chain will enforce
            </button>
          </div>
        </form>
      )}
      {step === 'rules' && plan && (
        <section className="card stack" aria-labelledby="founding-rules-title">
          <h2 id="founding-rules-title">What the chain will enforce for {draft.name}</h2>
          <p>These are written on chain at founding and can never change.</p>
          <RulesOf rules={plan.rules} />
          <p>
            Founding costs {formatErg(plan.neededNanoErgs)} (the LETS’s box and the fees of its two genesis transactions), paid from the founding key’s
            address.
            {plan.perEnrolmentNanoErgs !== null && ` Each enrolment later takes ${formatErg(plan.perEnrolmentNanoErgs)} from the same address.`}
          </p>
          <div className="row">
            <button type="button" className="button secondary" onClick={() => setStep('choose')}>
              Back
            </button>
            <button type="button" className="button" onClick={() => setStep('key')}>
              Next: the founding key
            </button>
          </div>
        </section>
      )}
      {step === 'key' && (
        <form className="card stack" onSubmit={start} aria-label="The founding key">
          <p>
            {draft.model === 'committee' ? 'The committee key' : 'The founder’s key'} signs both genesis transactions
            {draft.model === 'committee' ? ', and every enrolment after' : '; it has no power over the LETS afterwards'}. It is a key of your Ledger:
            choose where, and keep that Ledger with the committee.
          </p>
          <fieldset className="settings-choice">
            <legend>Key of</legend>
            {offered.map((choice) => (
              <label key={choice}>
                <input type="radio" name="founding-signer" checked={chosenSigner === choice} onChange={() => setSigner(choice)} />{' '}
                {choice === 'ledger' ? 'Ledger hardware wallet' : 'Demo key (demo chain only)'}
              </label>
            ))}
          </fieldset>
          <KeyPathFields value={keyPath} onChange={setKeyPath} />
          <div className="row">
            <button type="button" className="button secondary" onClick={() => setStep('rules')}>
              Back
            </button>
            <button type="submit" className="button" disabled={busy || !chosenSigner}>
              {busy ? (chosenSigner === 'ledger' ? 'Confirm on your Ledger…' : 'Reading the key…') : 'Use this key'}
            </button>
          </div>
        </form>
      )}
      {error && <ErrorNotice error={error} />}
    </div>
  );
}
