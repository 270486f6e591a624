// Public token box, trustless model (PROTOCOL.md "Model 2"). One per LETS; there is no committee, so
// anybody may spend it, and this script alone decides what a spend may do.
//
// Named constants (fixed per LETS at compile time):
//   _accountScriptHash  Coll[Byte]  blake2b256 of this LETS's account script (trustless-account.es); it
//                                   embeds the LETS's tokens and rules, so it pins the joiner's box to them
//   _minCollateral      Long        least ERG (nanoERG) a new account must lock
//   _lockPeriod         Int         blocks the collateral stays locked after joining
//   _joinWindow         Int         blocks a join may wait in the mempool (see "Time lock" below)
// Box layout (registers only for mirrors, which recover the LETS from this box alone; the rules the chain
// enforces are the constants above and in the account script, which the registers must compile back to):
//   tokens  (LETS id NFT, 1), (membership token, pool size ≥ 1)
//   R4      Coll[Long]  collateral terms: minimum collateral (nanoERG), nanoERG per minor unit of debt,
//                       lock period (blocks)
//   R5      Long  credit floor      R6  Long  credit cap (Long.MaxValue = no cap)
//   R7      Coll[Byte]  unit, UTF-8 R8  Coll[Byte]  LETS name, UTF-8      (R5–R8 as the management box)
//
// Every spend: SELF is INPUTS(0) and OUTPUTS(0) recreates it exactly: same script, same ERG, the LETS id
// and the membership token and nothing else (no second LETS id, attack 7), the same registers. The change
// of the pool size chooses the action (transaction shape, never `||` of keys):
//   pool − 1  join: OUTPUTS(1) is the new account. The fixed shape is what keeps a join unblockable: the
//             builder puts the account at 1 and the fee and change after it, and nothing is asked of any
//             other output (a draft that checked `tokens(0)` of every output let a token-less fee box make
//             every join fail, attack 10). The account must be on the account script with exactly one
//             membership token, balance 0 (the joiner cannot choose it, attacks 6 and 10), an owner key in
//             R4, at least _minCollateral ERG (no balance without collateral, attack 10), and an unlock
//             height in R6 derived from HEIGHT (below). The input then reduces to proveDlog(owner): the
//             joiner proves the key is theirs, so no account is made for a key nobody holds (which would
//             lock a membership token for ever) and nobody is enrolled without asking.
//   pool + 1  withdrawal: INPUTS(1) is an account of this LETS; its own script demands the owner's
//             signature, a zero balance and an expired lock. Reduces to true here.
//   pool ± 0  refused: there is nothing else to do with this box.
// Time lock: R6 of a new account is the height from which it may withdraw. It must lie within
//   [HEIGHT + _lockPeriod, HEIGHT + _lockPeriod + _joinWindow]: HEIGHT is the height of the block that
//   includes the join, which the joiner cannot choose, so the lock can never be back-dated (attack 10);
//   the window only lets a join wait a little in the mempool, at the price of a slightly longer lock.
//   Unlike a box's creation height (any height down to its inputs' creation heights), HEIGHT cannot lie.
// The pool never reaches zero (genesis mints one token more than the member capacity), so tokens(1)
// always exists.
//
// Reads from boxes that need not be ours use getOrElse: the compiler may evaluate shared subexpressions
// eagerly, and a withdrawal's OUTPUTS(1) (fee or change) must not make this script abort. The defaults
// never satisfy a check.
{
  val out = OUTPUTS(0)
  val poolIn = SELF.tokens(1)._2
  val poolOut = out.tokens.getOrElse(1, (SELF.tokens(1)._1, -1L))._2

  val recreated =
    SELF.id == INPUTS(0).id &&
    out.propositionBytes == SELF.propositionBytes &&
    out.value == SELF.value &&
    out.tokens.size == 2 &&
    out.tokens(0) == SELF.tokens(0) &&
    out.tokens(1)._1 == SELF.tokens(1)._1 &&
    out.R4[Coll[Long]].get == SELF.R4[Coll[Long]].get &&
    out.R5[Long].get == SELF.R5[Long].get &&
    out.R6[Long].get == SELF.R6[Long].get &&
    out.R7[Coll[Byte]].get == SELF.R7[Coll[Byte]].get &&
    out.R8[Coll[Byte]].get == SELF.R8[Coll[Byte]].get

  val account = OUTPUTS.getOrElse(1, SELF)
  val unlockHeight = account.R6[Int].getOrElse(-1)
  val joins =
    poolOut == poolIn - 1L &&
    blake2b256(account.propositionBytes) == _accountScriptHash &&
    account.tokens.size == 1 &&
    account.tokens(0) == (SELF.tokens(1)._1, 1L) &&
    account.R4[GroupElement].isDefined &&
    account.R5[Long].getOrElse(1L) == 0L &&
    unlockHeight >= HEIGHT + _lockPeriod &&
    unlockHeight <= HEIGHT + _lockPeriod + _joinWindow &&
    account.value >= _minCollateral

  val returns =
    poolOut == poolIn + 1L &&
    blake2b256(INPUTS.getOrElse(1, SELF).propositionBytes) == _accountScriptHash

  if (joins) sigmaProp(recreated) && proveDlog(account.R4[GroupElement].getOrElse(groupGenerator))
  else sigmaProp(recreated && returns)
}
