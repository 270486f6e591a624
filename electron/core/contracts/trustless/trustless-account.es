// LETS account box, trustless model (PROTOCOL.md "Model 2"). One box per member, created by the member
// through the public token box (public-token.es), which checks how an account starts; this script guards
// everything after.
//
// Named constants (fixed per LETS at compile time, so two LETS never share this script):
//   _membershipTokenId  Coll[Byte]  the LETS membership token
//   _letsId             Coll[Byte]  the LETS id NFT, which only the public token box holds
//   _floor              Long        most negative balance allowed, whatever the collateral
//   _cap                Long        most positive balance allowed (Long.MaxValue when the LETS has no cap)
//   _collateralPerUnit  Long        nanoERG of collateral per minor unit of debt (≥ 1)
// Box layout (R4 and R5 as the committee model's account):
//   value   the member's collateral (nanoERG); it never decreases while the account lives
//   tokens  exactly one: (_membershipTokenId, 1)
//   R4      GroupElement  owner's public key
//   R5      Long          balance in minor units
//   R6      Int           unlock height: from this height on the member may withdraw (set at join)
//
// Collateral rule: a balance may be negative only as far as the box's ERG backs it,
//   balance ≥ −(value / _collateralPerUnit)   ⇔   −balance × _collateralPerUnit ≤ value,
// checked on the payer's new box after every payment (the payee's balance only rises). The division form
// cannot overflow; integer division rounds the allowed debt down, so the equivalence is exact. It holds
// with _floor, which stays a hard limit. So no balance is ever created without collateral (attack 10).
//
// Spending paths, chosen by the transaction shape, never by `||` of two keys: each input reduces to one
// proveDlog or to true (the Ledger can sign nothing else). Every path is `sigmaProp(checks) && key`, so a
// signature never stands in for the checks: owner-signed transactions that break a rule reduce to false
// (a draft's `key && a || b` let the signature alone skip them, attack 10).
//
// Trade: INPUTS(0) payer account, INPUTS(1) payee account, OUTPUTS(0) payer's new box, OUTPUTS(1)
//   payee's new box; further inputs/outputs (fee, change) are free. Both inputs and both outputs carry
//   this very script and one membership token (same LETS, attack 9); each output keeps its input's owner
//   and unlock height (a trade cannot shorten a lock, attack 10) and at least its ERG (attack 4; the
//   payer may add ERG to back a larger debt); amount = payer's decrease > 0, the payee's increase equals
//   it (conservation; Long overflow aborts the script, attack 5); payer ≥ _floor and within the
//   collateral rule (attack 2), payee ≤ _cap. The payer input reduces to proveDlog(payer), the payee
//   input to true when the trade is valid: only the payer signs, nobody else moves value (attack 8).
//
// Withdrawal: INPUTS(0) is the public token box (recognised by the LETS id NFT, whose script makes it
//   take the token back), SELF is INPUTS(1) (one account per withdrawal), the balance is exactly 0, HEIGHT
//   has reached the unlock height, and OUTPUTS(0) holds one more membership token than the public token
//   box did, so the token returns to the pool (attack 3). Reduces to proveDlog(owner); the ERG go wherever
//   the owner sends them.
//
// Reads from boxes that need not be ours use getOrElse (the compiler may evaluate shared subexpressions
// eagerly); the defaults never satisfy a check.
{
  def isAccount(box: Box): Boolean =
    box.propositionBytes == SELF.propositionBytes &&
    box.tokens.size == 1 &&
    box.tokens(0)._1 == _membershipTokenId &&
    box.tokens(0)._2 == 1L &&
    box.R4[GroupElement].isDefined &&
    box.R5[Long].isDefined &&
    box.R6[Int].isDefined

  val owner = proveDlog(SELF.R4[GroupElement].get)
  val first = INPUTS(0)
  val isWithdrawal = first.tokens.size > 0 && first.tokens(0)._1 == _letsId

  if (isWithdrawal) {
    val noToken = (_letsId, 0L)
    val poolIn = first.tokens.getOrElse(1, noToken)
    val poolOut = OUTPUTS(0).tokens.getOrElse(1, noToken)
    sigmaProp(
      SELF.id == INPUTS(1).id &&
      SELF.R5[Long].get == 0L &&
      HEIGHT >= SELF.R6[Int].get &&
      poolIn._1 == _membershipTokenId &&
      poolOut._1 == _membershipTokenId &&
      poolOut._2 == poolIn._2 + 1L
    ) && owner
  } else {
    val payerIn = INPUTS(0)
    val payeeIn = INPUTS(1)
    val payerOut = OUTPUTS(0)
    val payeeOut = OUTPUTS(1)

    // Functions take one argument in ErgoScript, hence the pair.
    def recreates(inOut: (Box, Box)): Boolean =
      isAccount(inOut._1) &&
      isAccount(inOut._2) &&
      inOut._2.R4[GroupElement].get == inOut._1.R4[GroupElement].get &&
      inOut._2.R6[Int].get == inOut._1.R6[Int].get &&
      inOut._2.value >= inOut._1.value

    def balance(box: Box): Long = box.R5[Long].getOrElse(0L)

    val amount = balance(payerIn) - balance(payerOut)
    val validTrade =
      recreates((payerIn, payerOut)) &&
      recreates((payeeIn, payeeOut)) &&
      amount > 0L &&
      balance(payeeOut) - balance(payeeIn) == amount &&
      balance(payerOut) >= _floor &&
      balance(payerOut) >= -(payerOut.value / _collateralPerUnit) &&
      balance(payeeOut) <= _cap

    if (SELF.id == payerIn.id) sigmaProp(validTrade) && owner
    else sigmaProp(SELF.id == payeeIn.id && validTrade)
  }
}
