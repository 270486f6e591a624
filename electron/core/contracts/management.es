// LETS management box, committee model (PROTOCOL.md "Model 1"). One per LETS.
//
// Named constants:
//   _accountScriptHash  Coll[Byte]  blake2b256 of this LETS's account script (forces enrolment outputs
//                                   onto it; the account script cannot embed ours, it embeds _letsId)
// Box layout (parameters live in registers so a mirror recovers the LETS from the chain alone):
//   tokens  (LETS id NFT, 1), (membership token, pool size ≥ 1)
//   R4      GroupElement  committee public key
//   R5      Long          credit floor      R6  Long  credit cap (Long.MaxValue = no cap)
//   R7      Coll[Byte]    unit, UTF-8       R8  Coll[Byte]  LETS name, UTF-8
//
// Every path: SELF is INPUTS(0), the committee key read from SELF.R4 signs (never from an output: attack
// 1), and OUTPUTS(0) is the recreated management box: same script, same two tokens and nothing else (no
// second LETS id, no stray token: attack 7), same parameters, at least the same ERG. The change of the
// pool size chooses the action (transaction shape, not `||`, so the input reduces to one proveDlog):
//   pool − 1  enrolment: OUTPUTS(1) is a new account box on the account script with exactly one
//             membership token, balance 0 and an owner key (attack 6); committee key unchanged.
//   pool ± 0  committee key rotation: only R4 may change, to another GroupElement.
//   pool + 1  closing: INPUTS(1) is an account box of this LETS with balance 0 (its own script checks
//             the rest); committee key unchanged.
// The pool never reaches zero (genesis mints one token more than the member capacity), so the layout of
// this box is fixed and tokens(1) always exists.
//
// Reads from boxes that need not be ours use getOrElse (the compiler may evaluate shared subexpressions
// eagerly, see account.es); the defaults never satisfy a check.
{
  val out = OUTPUTS(0)
  val committee = SELF.R4[GroupElement].get
  val poolIn = SELF.tokens(1)._2
  val poolOut = out.tokens(1)._2

  val recreated =
    SELF.id == INPUTS(0).id &&
    out.propositionBytes == SELF.propositionBytes &&
    out.tokens.size == 2 &&
    out.tokens(0) == SELF.tokens(0) &&
    out.tokens(1)._1 == SELF.tokens(1)._1 &&
    out.value >= SELF.value &&
    out.R5[Long].get == SELF.R5[Long].get &&
    out.R6[Long].get == SELF.R6[Long].get &&
    out.R7[Coll[Byte]].get == SELF.R7[Coll[Byte]].get &&
    out.R8[Coll[Byte]].get == SELF.R8[Coll[Byte]].get

  val keepsCommittee = out.R4[GroupElement].get == committee

  val enrols = {
    val account = OUTPUTS(1)
    poolOut == poolIn - 1L &&
    keepsCommittee &&
    blake2b256(account.propositionBytes) == _accountScriptHash &&
    account.tokens.size == 1 &&
    account.tokens(0) == (out.tokens(1)._1, 1L) &&
    account.R4[GroupElement].isDefined &&
    account.R5[Long].getOrElse(1L) == 0L
  }

  val rotates = poolOut == poolIn && out.R4[GroupElement].isDefined

  val closes = {
    val account = INPUTS(1)
    poolOut == poolIn + 1L &&
    keepsCommittee &&
    blake2b256(account.propositionBytes) == _accountScriptHash &&
    account.R5[Long].getOrElse(1L) == 0L
  }

  sigmaProp(recreated && (enrols || rotates || closes)) && proveDlog(committee)
}
