import { z } from 'zod';
import { pageSizes } from '../pdf-request';

/*
 * The treasurer's settings for this computer, with the rules every value must meet. The same schemas check what
 * the renderer sends (settings.update) and what is read back from the database (electron/core/settings), so a
 * value that breaks a rule can neither be saved nor take effect.
 */

/** The embedded demo chain; any other chain source is the public Explorer or the address of an Ergo node. */
export const DEVNET_SOURCE = 'devnet';
/** The public Ergo Explorer of the chosen network (electron/core/chain/explorer-client.ts). */
export const EXPLORER_SOURCE = 'explorer';

export const nodeNetworks = ['mainnet', 'testnet'] as const;
export type NodeNetwork = (typeof nodeNetworks)[number];

export const CONFIRMATIONS_MIN = 1;
export const CONFIRMATIONS_MAX = 100;

/**
 * Blocks on top of a transaction's block (its own included) before the app calls it confirmed. The devnet has no
 * competing miners, so 2 only shows the states pass by; on a real network 10 blocks (about 20 minutes) make a
 * reorganisation that undoes a trade very unlikely.
 */
export const DEFAULT_CONFIRMATIONS = { devnet: 2, node: 10 } as const;

/** A node address: http(s) only, no user name or password (they would end up in messages), no query or fragment. */
function nodeAddress(allowBuiltIn: boolean) {
  return (
    z
      .string({ error: 'Enter the node address, or choose the built-in demo chain.' })
      .trim()
      .min(1, 'Enter the node address, or choose the built-in demo chain.')
      .max(300, 'The node URL can be at most 300 characters.')
      .superRefine((text, context) => {
        const problem = allowBuiltIn && (text === DEVNET_SOURCE || text === EXPLORER_SOURCE) ? null : nodeUrlProblem(text);
        if (problem) context.addIssue({ code: 'custom', message: problem });
      })
      // One spelling per node, so "http://host:9053/" and "http://host:9053" are the same source.
      .transform((text) => text.replace(/\/+$/, ''))
  );
}

function nodeUrlProblem(text: string): string | null {
  if (!/^https?:\/\//i.test(text)) return 'The node URL must start with http:// or https://.';
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return `"${text.slice(0, 80)}" is not a web address.`;
  }
  if (url.username || url.password) return 'The node URL must not contain a user name or password.';
  if (url.search || url.hash) return 'The node URL must not contain ? or #.';
  return null;
}

export const nodeUrl = nodeAddress(false);
/** 'devnet', 'explorer', or a node URL. */
export const chainSource = nodeAddress(true);

export const settingsFields = {
  /** 'devnet', 'explorer', or the URL of the treasurer's Ergo node. */
  chainSource,
  /** The network the ledger lives on when the source is a node or the Explorer; a node on another network is refused. */
  nodeNetwork: z.enum(nodeNetworks, { error: 'The network must be mainnet or testnet.' }),
  /** Null: the default for the chain source (see DEFAULT_CONFIRMATIONS). */
  confirmations: z
    .number({ error: 'The confirmation depth must be a number of blocks.' })
    .int('The confirmation depth must be a whole number of blocks.')
    .min(CONFIRMATIONS_MIN, `The confirmation depth must be at least ${CONFIRMATIONS_MIN} block.`)
    .max(CONFIRMATIONS_MAX, `The confirmation depth can be at most ${CONFIRMATIONS_MAX} blocks.`)
    .nullable(),
  /** Look for the Ledger every few seconds (status bar); off, the app only talks to it when asked to sign. */
  pollLedger: z.boolean({ error: 'Polling the Ledger is either on or off.' }),
  /** The treasurer chose "Try the demo": the demo chain carries the demo LETS. Off, it starts empty. */
  demoLets: z.boolean({ error: 'The demo LETS are either on or off.' }),
  /** The treasurer confirmed once that mainnet actions spend real ERG and cannot be undone. */
  mainnetConfirmed: z.boolean({ error: 'The mainnet confirmation is either given or not.' }),
  /** The paper statements are printed on, as last chosen; null until chosen: US Letter in North America, A4 elsewhere. */
  paperSize: z.enum(pageSizes, { error: 'The paper is A4 or US Letter.' }).nullable(),
};

export const appSettingsSchema = z.strictObject(settingsFields);
export type AppSettings = z.infer<typeof appSettingsSchema>;
export type SettingKey = keyof AppSettings;

/** What settings.update accepts: any subset of the settings. */
export const settingsPatchSchema = appSettingsSchema.partial();
export type SettingsPatch = z.infer<typeof settingsPatchSchema>;

export const DEFAULT_SETTINGS: AppSettings = {
  chainSource: DEVNET_SOURCE,
  nodeNetwork: 'mainnet',
  confirmations: null,
  pollLedger: true,
  demoLets: false,
  mainnetConfirmed: false,
  paperSize: null,
};
