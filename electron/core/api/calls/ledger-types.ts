/** Shapes of the bookkeeping screen: every trade of a LETS, filtered and paged. */

export interface TradeFilter {
  letsId: number;
  /** Only trades where this member paid or was paid. */
  memberId?: number;
  /** Block time bounds, ms since 1970: from inclusive, to exclusive. */
  fromTime?: number;
  toTime?: number;
  /** Amount bounds in minor units, inclusive. */
  minAmount?: bigint;
  maxAmount?: bigint;
}

export interface TradeRow {
  transactionId: string;
  height: number;
  /** Block time, ms since 1970. */
  timestamp: number;
  payer: string;
  payee: string;
  amount: bigint;
  /** The memo kept on this computer when the trade was recorded here, else ''. */
  memo: string;
  payerBalanceAfter: bigint;
  payeeBalanceAfter: bigint;
  /** Blocks on top of the trade's block, itself included. */
  confirmations: number;
}

export interface TradePage {
  /** All trades matching the filter, for the scroll bar. */
  total: number;
  offset: number;
  rows: TradeRow[];
}
