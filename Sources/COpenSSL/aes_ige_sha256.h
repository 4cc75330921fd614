#ifndef TGCRON_COPENSSL_AES_IGE_SHA256_H
#define TGCRON_COPENSSL_AES_IGE_SHA256_H
/*
 * AES-256-IGE decryption and SHA-256 of (32-byte prefix || plaintext) in one pass, for MTProto 2.0's
 * msg_key check on received messages (included by shim.h on x86_64, after the AES-NI IGE code).
 *
 * IGE decryption is one dependent chain of 14 AESDEC per 16 bytes and leaves most execution ports idle;
 * SHA-NI's rounds are a second, independent chain. The decryption loop therefore hashes each 64-byte
 * SHA-256 block as soon as its bytes are plaintext, four message-schedule/round groups between the AES
 * rounds of each of the next four IGE blocks, so the out-of-order core runs both chains side by side.
 * The 32-byte prefix shifts the SHA-256 blocks: block 0 is the prefix and plaintext bytes 0..<32, block
 * k > 0 is plaintext bytes 64k-32 ..< 64k+32.
 *
 * The SHA-NI round and message-schedule steps follow Intel's "Intel SHA Extensions" white paper
 * (Gulley et al., 2013): the state is held as ABEF and CDGH, and SHA256RNDS2 runs two rounds.
 */
#include <cpuid.h>
#include <stdint.h>

/* SHA-256 round constants, FIPS 180-4 section 4.2.2. */
static const uint32_t tgcron_sha256_k[64] __attribute__((aligned(16))) = {
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
    0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
    0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
    0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
    0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
};

#define TGCRON_STITCH_TARGET __attribute__((target("aes,sha,sse4.1,ssse3")))
#define TGCRON_STITCH_INLINE __attribute__((target("aes,sha,sse4.1,ssse3"), always_inline))

/* Whether the CPU has AES-NI, SHA-NI, SSSE3 and SSE4.1 (CPUID leaf 1 ECX bits 25, 9 and 19; leaf 7 EBX
   bit 29, as Intel's Software Developer's Manual vol. 2A lists them). */
static inline int tgcron_aes_sha_ni_supported(void) {
    unsigned int a, b, c, d;
    if (!__get_cpuid(1, &a, &b, &c, &d)) return 0;
    if (!(c & (1u << 25)) || !(c & (1u << 9)) || !(c & (1u << 19))) return 0;
    if (!__get_cpuid_count(7, 0, &a, &b, &c, &d)) return 0;
    return (b & (1u << 29)) != 0;
}

/*
 * Four rounds (group g of 16) of the SHA-256 block at `block`: message words 4g..4g+3 (loaded for
 * g < 4, from the schedule otherwise) into m[g % 4], then two SHA256RNDS2.
 */
TGCRON_STITCH_INLINE static inline void tgcron_sha256_ni_group(__m128i *abef, __m128i *cdgh, __m128i m[4],
                                                              const unsigned char *block, int g) {
    __m128i w;
    if (g < 4) {
        const __m128i big_endian = _mm_set_epi64x(0x0c0d0e0f08090a0bULL, 0x0405060700010203ULL);
        w = _mm_shuffle_epi8(_mm_loadu_si128((const __m128i *)(block + 16 * g)), big_endian);
    } else {
        w = _mm_sha256msg1_epu32(m[g & 3], m[(g + 1) & 3]);
        w = _mm_add_epi32(w, _mm_alignr_epi8(m[(g + 3) & 3], m[(g + 2) & 3], 4));
        w = _mm_sha256msg2_epu32(w, m[(g + 3) & 3]);
    }
    m[g & 3] = w;
    __m128i k = _mm_add_epi32(w, _mm_load_si128((const __m128i *)(tgcron_sha256_k + 4 * g)));
    *cdgh = _mm_sha256rnds2_epu32(*cdgh, *abef, k);
    *abef = _mm_sha256rnds2_epu32(*abef, *cdgh, _mm_shuffle_epi32(k, 0x0e));
}

/* One whole SHA-256 block. */
TGCRON_STITCH_INLINE static inline void tgcron_sha256_ni_block(__m128i *abef, __m128i *cdgh, const unsigned char *block) {
    __m128i m[4], abef_in = *abef, cdgh_in = *cdgh;
    for (int g = 0; g < 16; g++) tgcron_sha256_ni_group(abef, cdgh, m, block, g);
    *abef = _mm_add_epi32(*abef, abef_in);
    *cdgh = _mm_add_epi32(*cdgh, cdgh_in);
}

/* IGE-decrypts block i (of more than i + 1) like tgcron_aes256_ige_ni_block while running SHA-256 groups
   g0..g0+3 of `sha_block`. */
TGCRON_STITCH_INLINE static inline void tgcron_aes256_ige_sha256_block(const __m128i rk[15], unsigned char *data, size_t i,
                                                                      __m128i *t, __m128i *y, __m128i *abef, __m128i *cdgh,
                                                                      __m128i m[4], const unsigned char *sha_block, int g0) {
    __m128i in = _mm_loadu_si128((const __m128i *)(data + 16 * i));
    __m128i next = _mm_loadu_si128((const __m128i *)(data + 16 * (i + 1)));
    __m128i block = *t;
    for (int r = 1; r < 14; r++) {
        block = _mm_aesdec_si128(block, rk[r]);
        if (r % 3 == 0) tgcron_sha256_ni_group(abef, cdgh, m, sha_block, g0 + r / 3 - 1);
    }
    __m128i key_out = _mm_xor_si128(rk[14], *y);
    __m128i out = _mm_aesdeclast_si128(block, key_out);
    *t = _mm_aesdeclast_si128(block, _mm_xor_si128(key_out, _mm_xor_si128(next, rk[0])));
    _mm_storeu_si128((__m128i *)(data + 16 * i), out);
    *y = in;
}

/*
 * Decrypts `length` bytes (a multiple of 16) of AES-256-IGE in place with `key` and `iv32` (OpenSSL's
 * convention, as tgcron_aes_ige) and writes SHA-256(prefix32 || plaintext) to digest32.
 * The caller checks tgcron_aes_sha_ni_supported() first.
 */
TGCRON_STITCH_TARGET static inline void tgcron_aes256_ige_decrypt_sha256_ni(const unsigned char *key, const unsigned char *iv32,
                                                                           const unsigned char *prefix32, unsigned char *data,
                                                                           size_t length, unsigned char *digest32) {
    __m128i rk[15], t, y, m[4];
    unsigned char first[64], tail[128];
    size_t n = length / 16, i = 0, hashed = 0, total = 32 + length;
    tgcron_aes256_schedule(key, rk, 0);
    tgcron_aes256_ige_ni_start(rk, iv32, data, n, 0, &t, &y);
    /* Initial hash value, FIPS 180-4 section 5.3.3, as ABEF and CDGH. */
    __m128i abef = _mm_set_epi32(0x6a09e667, (int)0xbb67ae85, 0x510e527f, (int)0x9b05688c);
    __m128i cdgh = _mm_set_epi32(0x3c6ef372, (int)0xa54ff53a, 0x1f83d9ab, 0x5be0cd19);
    for (; i < n && i < 2; i++) tgcron_aes256_ige_ni_block(rk, data, n, i, &t, &y, 0);
    if (n >= 2) {
        memcpy(first, prefix32, 32);
        memcpy(first + 32, data, 32);
    }
    /* Each pass hashes SHA-256 block hashed / 64 (plaintext already) while decrypting the four IGE blocks
       that complete the next one; it needs a block after them to chain into. */
    for (; i + 4 < n; i += 4, hashed += 64) {
        const unsigned char *sha_block = hashed == 0 ? first : data + hashed - 32;
        __m128i abef_in = abef, cdgh_in = cdgh;
        tgcron_aes256_ige_sha256_block(rk, data, i, &t, &y, &abef, &cdgh, m, sha_block, 0);
        tgcron_aes256_ige_sha256_block(rk, data, i + 1, &t, &y, &abef, &cdgh, m, sha_block, 4);
        tgcron_aes256_ige_sha256_block(rk, data, i + 2, &t, &y, &abef, &cdgh, m, sha_block, 8);
        tgcron_aes256_ige_sha256_block(rk, data, i + 3, &t, &y, &abef, &cdgh, m, sha_block, 12);
        abef = _mm_add_epi32(abef, abef_in);
        cdgh = _mm_add_epi32(cdgh, cdgh_in);
    }
    for (; i < n; i++) tgcron_aes256_ige_ni_block(rk, data, n, i, &t, &y, 0);
    for (; hashed + 64 <= total; hashed += 64)
        tgcron_sha256_ni_block(&abef, &cdgh, hashed == 0 ? first : data + hashed - 32);
    /* Padding, FIPS 180-4 section 5.1.1: 0x80, zeros, the message length in bits (big-endian, 64 bits). */
    size_t rest = total - hashed, padded = rest + 9 <= 64 ? 64 : 128;
    for (size_t k = 0; k < rest; k++) {
        size_t at = hashed + k;
        tail[k] = at < 32 ? prefix32[at] : data[at - 32];
    }
    tail[rest] = 0x80;
    memset(tail + rest + 1, 0, padded - rest - 1);
    uint64_t bits = (uint64_t)total * 8;
    for (int k = 0; k < 8; k++) tail[padded - 1 - k] = (unsigned char)(bits >> (8 * k));
    tgcron_sha256_ni_block(&abef, &cdgh, tail);
    if (padded == 128) tgcron_sha256_ni_block(&abef, &cdgh, tail + 64);
    /* ABEF holds (a, b, e, f) in lanes 3..0, CDGH (c, d, g, h). */
    uint32_t words[8] = {
        (uint32_t)_mm_extract_epi32(abef, 3), (uint32_t)_mm_extract_epi32(abef, 2),
        (uint32_t)_mm_extract_epi32(cdgh, 3), (uint32_t)_mm_extract_epi32(cdgh, 2),
        (uint32_t)_mm_extract_epi32(abef, 1), (uint32_t)_mm_extract_epi32(abef, 0),
        (uint32_t)_mm_extract_epi32(cdgh, 1), (uint32_t)_mm_extract_epi32(cdgh, 0),
    };
    for (int w = 0; w < 8; w++)
        for (int k = 0; k < 4; k++) digest32[4 * w + k] = (unsigned char)(words[w] >> (24 - 8 * k));
    OPENSSL_cleanse(rk, sizeof rk);
    OPENSSL_cleanse(first, sizeof first);
    OPENSSL_cleanse(tail, sizeof tail);
    OPENSSL_cleanse(words, sizeof words);
    t = y = m[0] = m[1] = m[2] = m[3] = _mm_setzero_si128();
}

/*
 * AES-256-IGE decryption and SHA-256(prefix32 || plaintext) together where the CPU has AES-NI and
 * SHA-NI: returns 0 with `data` decrypted and digest32 written, or 1 without touching anything when the
 * CPU lacks them (the caller then decrypts and hashes separately).
 */
static inline int tgcron_aes256_ige_decrypt_sha256(const unsigned char *key, const unsigned char *iv32,
                                                   const unsigned char *prefix32, unsigned char *data, size_t length,
                                                   unsigned char *digest32) {
    if (!tgcron_aes_sha_ni_supported()) return 1;
    tgcron_aes256_ige_decrypt_sha256_ni(key, iv32, prefix32, data, length, digest32);
    return 0;
}
#endif
