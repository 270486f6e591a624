import type { ChainHeader } from '../../electron/core/chain/chain-source';

/**
 * Real Ergo block headers, as nodes served them, copied field by field from public sources (origin noted on each).
 * Their ids are the chain's: the tests recompute them and the proofs of work from the fields alone.
 */

/** secp256k1's generator: the w every version 2 solution shows in JSON (AutolykosSolution.wForV2), d being 0. */
const GENERATOR = '0279be667ef9dcbbac55a06295ce870b07029bfcdb2dce28d959f2815b16f81798';

type Fields = Omit<ChainHeader, 'powSolutions' | 'unparsedBytes' | 'version'>;

/** A version 1 header (mainnet up to block 417 791): the solution has a one-time key w and a distance d. */
function v1(fields: Fields & { pk: string; w: string; n: string; d: bigint }): ChainHeader {
  const { pk, w, n, d, ...header } = fields;
  return { ...header, version: 1, unparsedBytes: '', powSolutions: { pk, w, n, d } };
}

/** A header of version 2 or later: the solution is the miner's key and the nonce. */
function v2(version: number, fields: Fields & { pk: string; n: string }): ChainHeader {
  const { pk, n, ...header } = fields;
  return { ...header, version, unparsedBytes: '', powSolutions: { pk, w: GENERATOR, n, d: 0n } };
}

/**
 * Mainnet 414 474, version 1, with ergo's byte vector of it.
 * ergoplatform/ergo, ergo-core/src/test/scala/org/ergoplatform/network/HeaderSerializationSpecification.scala
 * (commit ed7ffb22eae8c68302a7cfd3d6946d5da9a24eb1), "Header simple parsing - block version 1";
 * https://explorer.ergoplatform.com/en/blocks/8cf6dca6b9505243e36192fa107735024c0000cf4594b1daa2dc4e13ee86f26f
 */
export const MAINNET_414474 = v1({
  id: '8cf6dca6b9505243e36192fa107735024c0000cf4594b1daa2dc4e13ee86f26f',
  parentId: '8bdd043dab20aa690afc9a18fc4797de4f02f049f5c16f9657646c753d69582e',
  height: 414_474,
  timestamp: 1_611_874_199_636,
  adProofsRoot: '4527a2a7bcee7f77b5697f505e5effc5342750f58a52dddfe407a3ce3bd3abd0',
  stateRoot: '6c06d6277d40aeb958c5631515dc3ec3d11d8504e62de77df024d0ca67242fb512',
  transactionsRoot: '722f9306300d0d96fe8c10de830216d700131614f9e6ce2496e8dba1cbb45951',
  extensionHash: 'a1a3933312467ce53d41fdc20e38c603e8fd89999371c60d7537c5d5760ef7c4',
  nBits: 118_039_443,
  votes: '040300',
  pk: '02bb8eb301ab3d5d14515e33760d0dfb4f7191312a640db64a3a1aeeac9703f2d3',
  w: '026d7b267c33120d15c267664081a6b77a6dcae6b35147db2c3e1195573119cb14',
  n: '0008a1d103880117',
  d: 35863003992655055679291741607273543535646500642591973829915050n,
});

/** ergo's expected bytes of MAINNET_414474 (same test), 279 bytes. */
export const MAINNET_414474_BYTES =
  '018bdd043dab20aa690afc9a18fc4797de4f02f049f5c16f9657646c753d69582e4527a2a7bcee7f77b5697f505e5effc5342750f58a52dddfe407a3ce3bd3abd0722f9306300d0d96fe8c10de830216d700131614f9e6ce2496e8dba1cbb459516c06d6277d40aeb958c5631515dc3ec3d11d8504e62de77df024d0ca67242fb512d4d0c1d9f42ea1a3933312467ce53d41fdc20e38c603e8fd89999371c60d7537c5d5760ef7c4070923938aa61904030002bb8eb301ab3d5d14515e33760d0dfb4f7191312a640db64a3a1aeeac9703f2d3026d7b267c33120d15c267664081a6b77a6dcae6b35147db2c3e1195573119cb140008a1d1038801171a16514e604d76c516eec4124f4066e6e326b9e8d2fc5165b631aa';

/**
 * Mainnet 123 405 to 123 407 (December 2019), version 1, three blocks in a row inside one difficulty epoch.
 * ergoplatform/ergo-appkit, appkit/src/test/resources/mockwebserver/node_responses/response_LastHeaders.json
 * (commit f88bf226f37740a6055ce2f7f2b1725f4e45ee03), a node's /blocks/lastHeaders answer.
 */
export const MAINNET_123405 = v1({
  id: '57d1b3af4e969cf2a3ed86eb33aca6b03cd40d1dafa656d5364b60ba62d7fbc5',
  parentId: '4381721740076486858f3bc1431b27d1cbaea78c3f835163b47e5867eaed81c3',
  height: 123_405,
  timestamp: 1_576_787_597_586,
  adProofsRoot: 'feb01c6b9ae7abd1e2477a57608fba47e0b603fdf5e6198ec21dee079821caec',
  stateRoot: 'bea5ee03a073076e0ac72bcdf32f0c58632b9fbb15784baca4325636a3babfe014',
  transactionsRoot: 'a51eb79a5e0974ad7eeed3c71c77dd6dd03491a64fa9580ddb68a7bdb8da80a5',
  extensionHash: 'e218d2c938d03a1a303fcff14543f066cfc40e2d02e0e425ff14082f248d84e0',
  nBits: 108_309_041,
  votes: '000000',
  pk: '03c29d66dee9549618d1eb49460211ef1b1034bae9fb870a523cbedbfb721db18b',
  w: '02562706e07bcbe421b4cc004f3efed5ba2ab2e65b89bfd5553099a069a9226552',
  n: '00196be4012fc26f',
  d: 616874694223017179690764009630362472282948848357736508023796372n,
});
export const MAINNET_123406 = v1({
  id: '06e5c74ebe8e154717b1e6ebc5b5ec9de5540f48acc9f65f995f79f423932b35',
  parentId: '57d1b3af4e969cf2a3ed86eb33aca6b03cd40d1dafa656d5364b60ba62d7fbc5',
  height: 123_406,
  timestamp: 1_576_787_610_138,
  adProofsRoot: '1ac6d3fce9d51a5f37719e65657af66731bc0496f213777b38f8b2c553637c82',
  stateRoot: '42d6bf85e1741e05ffa069fb71ad5cd86d076a5eb9fc2f8eb3491b911b69b13d14',
  transactionsRoot: 'bcba7b6411d99a5e5dde3ec99d2d6fe68b8f9b23be26bc51aca13062355f6140',
  extensionHash: 'e218d2c938d03a1a303fcff14543f066cfc40e2d02e0e425ff14082f248d84e0',
  nBits: 108_309_041,
  votes: '000000',
  pk: '037d9116267f8541bfec7376f5af4a99cbee8a4a0761685039e2ad0fd85c9c001b',
  w: '024d9a62b8d07f0a279d0e05ce3128d729b9b992f8c8919eb74f2b9f91c27a7ef6',
  n: '0017e9fb02977892',
  d: 12249250132392732232803670677709149272558824604915256112633100n,
});
export const MAINNET_123407 = v1({
  id: '47bfb8c8e98923aef790364eed08c23d2c61475ef13ecf65f5241cfafebf2f52',
  parentId: '06e5c74ebe8e154717b1e6ebc5b5ec9de5540f48acc9f65f995f79f423932b35',
  height: 123_407,
  timestamp: 1_576_787_616_472,
  adProofsRoot: '1c549c7cea750bc5b5055b1918791e88860bfaff6b9f5260dd775301ab4418cc',
  stateRoot: '5e7ed0f28ca3c0d2118df23dd34db70ed56bbf79403386b8756c4400e39959f314',
  transactionsRoot: 'd91748228ef36f25ca178b6853457bdc874f2fc408fc4ee8f16bb377d8b9f054',
  extensionHash: 'ceb4064e9e7c1c279ebed80692026ba0ca9dacb5f4fe033008c4f887bdf99ec5',
  nBits: 108_309_041,
  votes: '000000',
  pk: '026352d00ff542b27c6c840819bfa3ce20475584044e972b8547458383ce62759c',
  w: '0393935d9356b41b68c91814d2318807ec0f18fe7a7d8a6e10450772ceb0c64ef2',
  n: '00196ac800110764',
  d: 759323199313205919997463350135768652394296000144643214633658265n,
});

/**
 * Mainnet 418 138, version 2 (Autolykos 2, a month after the switch).
 * ergoplatform/ergo, HeaderSerializationSpecification.scala as above, "Header simple parsing - block version 2";
 * https://explorer.ergoplatform.com/en/blocks/f46c89e44f13a92d8409341490f97f05c85785fa8d2d2164332cc066eda95c39
 */
export const MAINNET_418138 = v2(2, {
  id: 'f46c89e44f13a92d8409341490f97f05c85785fa8d2d2164332cc066eda95c39',
  parentId: '7fbc70ec5913706ddef67bbcdb7700ea5f15dc709012491269c9c7eb545d720c',
  height: 418_138,
  timestamp: 1_612_465_607_426,
  adProofsRoot: 'a80bbd4d69b4f017da6dd9250448ef1cde492121fc350727e755c7b7ae2988ad',
  stateRoot: '995c0efe63744c5227e6ae213a2061c60f8db845d47707a6bff53f9ff1936a9e13',
  transactionsRoot: '141bf3de015c44995858a435e4d6c50c51622d077760de32977ba5412aaaae03',
  extensionHash: 'b1457df896bba9dc962f8e42187e1ac580842f1282c8c7fb9cf9f4cd520d1c07',
  nBits: 107_976_917,
  votes: '000000',
  pk: '0315345f1fca9445eee5df74759d4c495094bcfc82a2831b26fca6efa599b509de',
  n: '1b95db2168f95fda',
});

/**
 * Mainnet 471 746, version 2. ergoplatform/sigma-rust, ergo-chain-types/src/header.rs (commit
 * 17d3ddb9fe0b8b1bdc9962abb0be733118a16790), test parse_block_header;
 * https://explorer.ergoplatform.com/en/blocks/4caa17e62fe66ba7bd69597afdc996ae35b1ff12e0ba90c22ff288a4de10e91b
 */
export const MAINNET_471746 = v2(2, {
  id: '4caa17e62fe66ba7bd69597afdc996ae35b1ff12e0ba90c22ff288a4de10e91b',
  parentId: '6481752bace5fa5acba5d5ef7124d48826664742d46c974c98a2d60ace229a34',
  height: 471_746,
  timestamp: 1_618_929_697_400,
  adProofsRoot: 'd882aaf42e0a95eb95fcce5c3705adf758e591532f733efe790ac3c404730c39',
  stateRoot: '8ad868627ea4f7de6e2a2fe3f98fafe57f914e0f2ef3331c006def36c697f92713',
  transactionsRoot: '63eaa9aff76a1de3d71c81e4b2d92e8d97ae572a8e9ab9e66599ed0912dd2f8b',
  extensionHash: '3f91f3c680beb26615fdec251aee3f81aaf5a02740806c167c0f3c929471df44',
  nBits: 117_586_360,
  votes: '040000',
  pk: '02b3a06d6eaa8671431ba1db4dd427a77f75a5c2acbd71bfb725d38adc2b55f669',
  n: '5939ecfee6b0d7f4',
});

/**
 * Mainnet 540 000, version 2. ergoplatform/sigma-rust, ergo-lib/src/chain/block.rs (commit
 * 6d71ebe5004b5b0b969cc91d1197c3a8c552af0a), test_parse_full_block, taken from node.ergo.watch;
 * https://explorer.ergoplatform.com/en/blocks/96911575efdceb082b974aa3042263be07632de48031aa2204d77d8d5a8240b8
 */
export const MAINNET_540000 = v2(2, {
  id: '96911575efdceb082b974aa3042263be07632de48031aa2204d77d8d5a8240b8',
  parentId: 'c55f05c91fea37f95eff73dfa62e8745f54db6dff5e9f257e39b9c0cfbfd8133',
  height: 540_000,
  timestamp: 1_627_249_021_284,
  adProofsRoot: 'aa0d212ec398d9558b2b2f24239963bdd8d2d22f70b6e8b5cfff3474609bcdde',
  stateRoot: '1d3d031ba060245d8184948c6f726a8bb98a1bc621affc4a1dcf0e20226eb27716',
  transactionsRoot: '235a6e8f28f54fef5fbcd17d2638eb03ef9cfb331f4b5a50fbb74df4a524dcb4',
  extensionHash: 'badffc4d646e1c2babcf1ce8422b4f2430b6262c947c964671e97486d8bdb601',
  nBits: 117_759_902,
  votes: '000000',
  pk: '02b3a06d6eaa8671431ba1db4dd427a77f75a5c2acbd71bfb725d38adc2b55f669',
  n: '0537288a2c246648',
});

/**
 * Mainnet 1 311 598 to 1 311 600 (July 2024), version 3 (the 5.0 interpreter), three blocks in a row inside one
 * EIP-37 epoch: the most recent real headers found in public sources, and the origin of the mainnet difficulty floor.
 * rosen-bridge/sign-protocols, packages/ergo-multi-sig/tests/testData.ts (commit
 * f391027e0e273bf6249e6e252ea72fb307a20093), `headers`, a node's /blocks/lastHeaders answer;
 * https://explorer.ergoplatform.com/en/blocks/b254f1576382e6be24e4ba25eff548fb0b01e7be3484809bfea2edd02eab06f1
 */
export const MAINNET_1311598 = v2(3, {
  id: 'b254f1576382e6be24e4ba25eff548fb0b01e7be3484809bfea2edd02eab06f1',
  parentId: '57403b759a32ab593c8681e9305ec99c66d6a851d9557ac9ea87accd4c4c1cd6',
  height: 1_311_598,
  timestamp: 1_721_421_715_901,
  adProofsRoot: 'edaf93515cb4ea04cad9d3cbf1ceba205a5e1da35e042b348a47cf94b8db71f4',
  stateRoot: '11adb8d65010ef322b534fa8a9bef284e1194c5f094b012fb6654465a22fa9301a',
  transactionsRoot: '5d6855b2cb29f90a32127b7bc1c9e0353bb3db9d9e87d2177843fa87d0638b37',
  extensionHash: 'd611f03dc0ca517060520ab06fad4ba83b1de1c755169c20c23c92d45d8eb643',
  nBits: 117_687_036,
  votes: '080000',
  pk: '03677d088e4958aedcd5cd65845540e91272eba99e4d98e382f5ae2351e0dfbefd',
  n: '0c87e4004f6e8be9',
});
export const MAINNET_1311599 = v2(3, {
  id: 'c3203238c3dcc87127d2ef48dcb45e5b999c9adfcb1ef89b33c5a4592112359a',
  parentId: 'b254f1576382e6be24e4ba25eff548fb0b01e7be3484809bfea2edd02eab06f1',
  height: 1_311_599,
  timestamp: 1_721_421_817_833,
  adProofsRoot: '2cc330aa3528c8428c106d8ef6b15e52e1d6bf0d392cd0b3747026eb70521093',
  stateRoot: '7c919a65165212399b95ad723bb9b190c21688e09f8607dad11f02410566dd981a',
  transactionsRoot: '4cc735b5b148f8bc307a056b9f80e154aa8a7b3875b1bd5207bc3bc818564d33',
  extensionHash: '9055ff3112a8acc5c06dff2764f8bade1f402185ce7cac8f65861ed02a8effd0',
  nBits: 117_687_036,
  votes: '000000',
  pk: '039805829f5ea548f1bbe194ca609f44f47d52c0c0fa4a5f4b41c77d2c0debfa1e',
  n: '6cb4d386e10ccd22',
});
export const MAINNET_1311600 = v2(3, {
  id: 'c65d06804840bb5a5ec709d6b3a90cf343ea7c3eb166e313a798a049e8dcbb52',
  parentId: 'c3203238c3dcc87127d2ef48dcb45e5b999c9adfcb1ef89b33c5a4592112359a',
  height: 1_311_600,
  timestamp: 1_721_422_005_141,
  adProofsRoot: 'dcfbabeadd9f1f463daf69f2ac00497d583ee2c57c9987bb9b270a17686d6e20',
  stateRoot: 'e416646def8ac7386ed37003d504a614f2c1cc90894ccd790a09cf0d3b5d05d91a',
  transactionsRoot: '6cf99d33c74a49ded6169bee0ca462ecaef7b23e6e03965d6c7dc4190cb9f379',
  extensionHash: '9055ff3112a8acc5c06dff2764f8bade1f402185ce7cac8f65861ed02a8effd0',
  nBits: 117_687_036,
  votes: '080000',
  pk: '03677d088e4958aedcd5cd65845540e91272eba99e4d98e382f5ae2351e0dfbefd',
  n: 'a6a83c017445abb8',
});

/**
 * Testnet 141 531 to 141 533 (January 2022), version 2, three blocks in a row inside one epoch. ergoplatform/sigma-rust,
 * bindings/ergo-lib-wasm/examples/create-transaction-demo/blocks.ts (commit 435bef15be58f3c8014a5d31b3e748e2ad2647d7),
 * a testnet node's /blocks/lastHeaders answer (testnet ran version 2 from height 128, mainnet was near 660 000 then).
 */
export const TESTNET_141531 = v2(2, {
  id: '68ce7d31be888051a981333e712d8dde14f8f318ca9ed0796ae22d22e1b3debd',
  parentId: '05dac403507824c3529b9dc8771ce31445f1cc63e1939d8fe71103d2b270c638',
  height: 141_531,
  timestamp: 1_641_544_635_984,
  adProofsRoot: '987a12bb83f9f1284f3e83598f2a401cd208e3c16cd58629c71022dc67face43',
  stateRoot: 'da5805a87f029b24fc3938f9f633d74b6843a72c7ce1612e8a96158e61cb67b715',
  transactionsRoot: 'e75411a5451979fa4002eb3b8c7b5366f30f07c611954d683d0d04cacd3cb200',
  extensionHash: 'a0c7169b677e1f555d3c64d513a1ccedef82de45bd9d3f9d99c035a2cc3e2bd9',
  nBits: 84_554_043,
  votes: '000000',
  pk: '030f484a917e618df59d9738d94804448b299eaefd552f6a67f66223faacca09dd',
  n: '2267e1eb8ee5a226',
});
export const TESTNET_141532 = v2(2, {
  id: '0b7b3cf1e7be26bff5f8d917ac30ca6431579656a4201057f97f3d905c1bce5b',
  parentId: '68ce7d31be888051a981333e712d8dde14f8f318ca9ed0796ae22d22e1b3debd',
  height: 141_532,
  timestamp: 1_641_545_128_443,
  adProofsRoot: 'acb40294451293ddd2fcac4422574fd7be2476e2f4a3c723e6ab9b0604d29fdb',
  stateRoot: '56ff674ecc13e5593f1733a53e6549b6703b524857b4061da10f6c9e78367b6115',
  transactionsRoot: 'b2595e88fe22b7f1774945eba6b964f1a0d0909560b7dc757e5dce462ca586ae',
  extensionHash: 'a0c7169b677e1f555d3c64d513a1ccedef82de45bd9d3f9d99c035a2cc3e2bd9',
  nBits: 84_554_043,
  votes: '000000',
  pk: '03702266cae8daf75b7f09d4c23ad9cdc954849ee280eefae0d67bd97db4a68f6a',
  n: '00000000413c13cc',
});
export const TESTNET_141533 = v2(2, {
  id: 'a14c242808e76572f63185f4af73a4557a81e447cd22d836c0e96eaeaa077962',
  parentId: '0b7b3cf1e7be26bff5f8d917ac30ca6431579656a4201057f97f3d905c1bce5b',
  height: 141_533,
  timestamp: 1_641_545_153_893,
  adProofsRoot: '0ab894e59d60bcf353398b5f54d68449efce7a5e505934a8fa016c8c20460803',
  stateRoot: 'ee254255edf96cb9f0c4a591b58c06d9a08df1a946533cb392fa1bdfde4fb03915',
  transactionsRoot: '71d4142742e60fa976c573b6b312c8544f67b611beab94533096a50361787639',
  extensionHash: 'a0c7169b677e1f555d3c64d513a1ccedef82de45bd9d3f9d99c035a2cc3e2bd9',
  nBits: 84_554_043,
  votes: '000000',
  pk: '03702266cae8daf75b7f09d4c23ad9cdc954849ee280eefae0d67bd97db4a68f6a',
  n: '00000003aeac11d7',
});

/**
 * A header a mining pool produced with a wrong solution (height 2 870, January 2021, a test network): its id is that
 * of its bytes, its proof of work does not hold. ergoplatform/ergo,
 * ergo-core/src/test/scala/org/ergoplatform/mining/AutolykosPowSchemeSpec.scala (commit
 * d5592e3d67db9a0ef96c626f261f42fdeb1d3f19), "test vector - invalid solution".
 */
export const POOL_INVALID_2870 = v2(2, {
  id: '5b0ce6711de6b926f60b67040cc4512804517785df375d063f1bf1d75588af3a',
  parentId: 'ab19e6c7a4062979dddb534df83f236d1b949c7cef18bcf434a67e87c593eef9',
  height: 2_870,
  timestamp: 1_611_225_263_165,
  adProofsRoot: '49453875a43035c7640dee2f905efe06128b00d41acd2c8df13691576d4fd85c',
  stateRoot: 'c0d0b5eafd07b22487dac66628669c42a242b90bef3e1fcdc76d83140d58b6bc0e',
  transactionsRoot: '770cbb6e18673ed025d386487f15d3252115d9a6f6c9b947cf3d04731dd6ab75',
  extensionHash: '9bc7d54583c5d44bb62a7be0473cd78d601822a626afc13b636f2cbff0d87faf',
  nBits: 72_286_528,
  votes: '000000',
  pk: '0288114b0586efea9f86e4587f2071bc1c85fb77e15eba96b2769733e0daf57903',
  n: '000100000580a91b',
});

export const MAINNET_V1 = [MAINNET_414474, MAINNET_123405, MAINNET_123406, MAINNET_123407];
export const MAINNET_V2_AND_LATER = [MAINNET_418138, MAINNET_471746, MAINNET_540000, MAINNET_1311598, MAINNET_1311599, MAINNET_1311600];
export const TESTNET = [TESTNET_141531, TESTNET_141532, TESTNET_141533];
export const ALL_REAL = [...MAINNET_V1, ...MAINNET_V2_AND_LATER, ...TESTNET];

/** A copy of `header` with fields replaced (powSolutions merged), for tampering. */
export function withFields(header: ChainHeader, fields: Partial<Omit<ChainHeader, 'powSolutions'>> & { powSolutions?: Partial<ChainHeader['powSolutions']> }): ChainHeader {
  const { powSolutions, ...rest } = fields;
  return { ...header, ...rest, powSolutions: { ...header.powSolutions, ...powSolutions } };
}
