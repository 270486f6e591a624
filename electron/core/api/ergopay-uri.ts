/*
 * The shape of an ErgoPay (EIP-20) static request, shared by the core that makes one and the screens that show one:
 * `ergopay:` and the reduced transaction, base64 URL-safe. No dependencies, so the renderer can import it.
 */

export const ERGOPAY_SCHEME = 'ergopay:';

/**
 * The most characters one QR code holds in byte mode: version 40 with the lowest error correction (ISO/IEC 18004,
 * table 7: 2 953). A bigger request goes by file instead.
 */
export const QR_MAX_CHARACTERS = 2_953;
