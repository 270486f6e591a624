// LETS account box, committee model (PROTOCOL.md "Model 1"). One box per member.
//
// Named constants (fixed per LETS at compile time, so two LETS never share this script):
//   _membershipTokenId  Coll[Byte]  the LETS membership token
//   _letsId             Coll[Byte]  the LETS id NFT, which only the management box holds
//   _floor              Long        most negative balance allowed
//   _cap                Long        most positive balance allowed (Long.MaxValue when the LETS has no cap)
// Box layout:
//   tokens  exactly one: (_membershipTokenId, 1)
//   R4      GroupElement  owner's public key
//   R5      Long          balance in minor units
//
// Spending paths, chosen by the transaction shape (fixed positions), never by `||` of two keys, so the
// input always reduces to one proveDlog or to true (the Ledger can sign nothing else):
//
// Trade: INPUTS(0) payer account, INPUTS(1) payee account, OUTPUTS(0) payer's new box, OUTPUTS(1)
//   payee's new box; further inputs/outputs (fee, change) are free. Both inputs and both outputs carry
//   this very script and one membership token (same LETS, attack 9); each output keeps its input's owner
//   and at least its ERG (attack 4); amount = payer's decrease > 0, the payee's increase equals it
//   (conservation; Long overflow aborts the script, attack 5); payer ≥ _floor (attack 2), payee ≤ _cap.
//   The payer input reduces to proveDlog(payer); the payee input to true when the trade is valid, so
//   only the payer signs and nobody else can move value (attack 8).
//
// Close: INPUTS(0) is the management box (recognised by the LETS id NFT, whose own script demands the
//   committee's signature), SELF is INPUTS(1) with balance exactly 0, and OUTPUTS(0) holds one more
//   membership token than the management box did, so the token returns to the pool (attack 3). Reduces
//   to true here; the committee's key is required by the management input. A committee can thus close
//   an empty account but can never move a balance.
//
// The compiler may hoist shared subexpressions out of `if` branches and evaluate them eagerly, so
// reads from boxes that need not be ours use getOrElse; the defaults never satisfy a check.
{
  def isAccount(box: Box): Boolean =
    box.propositionBytes == SELF.propositionBytes &&
    box.tokens.size == 1 &&
    box.tokens(0)._1 == _membershipTokenId &&
    box.tokens(0)._2 == 1L &&
    box.R4[GroupElement].isDefined &&
    box.R5[Long].isDefined

  val first = INPUTS(0)
  val isClosing = first.tokens.size > 0 && first.tokens(0)._1 == _letsId

  if (isClosing) {
    val noToken = (_letsId, 0L)
    val poolIn = first.tokens.getOrElse(1, noToken)
    val poolOut = OUTPUTS(0).tokens.getOrElse(1, noToken)
    sigmaProp(
      SELF.id == INPUTS(1).id &&
      SELF.R5[Long].get == 0L &&
      poolIn._1 == _membershipTokenId &&
      poolOut._1 == _membershipTokenId &&
      poolOut._2 == poolIn._2 + 1L
    )
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
      inOut._2.value >= inOut._1.value

    def balance(box: Box): Long = box.R5[Long].getOrElse(0L)

    val amount = balance(payerIn) - balance(payerOut)
    val validTrade =
      recreates((payerIn, payerOut)) &&
      recreates((payeeIn, payeeOut)) &&
      amount > 0L &&
      balance(payeeOut) - balance(payeeIn) == amount &&
      balance(payerOut) >= _floor &&
      balance(payeeOut) <= _cap

    if (SELF.id == payerIn.id) sigmaProp(validTrade) && proveDlog(SELF.R4[GroupElement].get)
    else sigmaProp(SELF.id == payeeIn.id && validTrade)
  }
}
