import { Field } from './Field';

export interface KeyPathChoice {
  account: string;
  index: string;
}

/** Where on a Ledger a key is: the account and address index of m/44'/429'/account'/0/index, as typed. */
export function KeyPathFields({ value, onChange }: { value: KeyPathChoice; onChange: (value: KeyPathChoice) => void }) {
  return (
    <>
      <div className="row">
        <Field label="Account" value={value.account} onChange={(account) => onChange({ ...value, account })} inputMode="numeric" />
        <Field label="Address index" value={value.index} onChange={(index) => onChange({ ...value, index })} inputMode="numeric" />
      </div>
      <p className="path">
        Key path m/44'/429'/{value.account}'/0/{value.index}
      </p>
    </>
  );
}
