#ifndef TGCRON_COPENSSL_SHIM_H
#define TGCRON_COPENSSL_SHIM_H
#include <openssl/aes.h>
#include <openssl/bn.h>
#include <openssl/crypto.h>
#include <openssl/decoder.h>
#include <openssl/encoder.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/rand.h>
#include <openssl/rsa.h>
#include <openssl/sha.h>
#include <string.h>

/*
 * AES-IGE in place (used by MTProtoCrypto.AESIGE): AES-256 with AES-NI directly where the CPU has it
 * (tgcron_aes256_ige_ni above), otherwise chained here over EVP's AES-ECB block cipher.
 *
 * IGE blocks are strictly sequential, so each block is one EVP call; EVP uses AES-NI where the CPU
 * has it, which measured about 6 times faster than OpenSSL's deprecated table-based AES_ige_encrypt
 * on this project's machines. The chaining follows OpenSSL's convention (iv = c_0 || m_0):
 *   encrypt: c_i = E(m_i ^ c_{i-1}) ^ m_{i-1}
 *   decrypt: m_i = D(c_i ^ m_{i-1}) ^ c_{i-1}
 *
 * key_bits is 128 or 256; iv32 (32 bytes) is read, not updated; length must be a multiple of 16.
 * Returns 0 on success, -1 if OpenSSL could not set up the cipher.
 */
#if defined(__x86_64__)
#include <immintrin.h>

/*
 * AES-256-IGE with AES-NI instructions directly, for MTProto's 1 MiB file parts: one EVP call per block
 * costs more than the block's 14 rounds. Same chaining and arguments as tgcron_aes_ige (AES-256 only).
 * The key schedule follows Intel's "Advanced Encryption Standard (AES) New Instructions Set" white
 * paper (Gueron, 2010), section "AES-256 key expansion"; decryption round keys are AESIMC of the
 * encryption ones in reverse order.
 */
__attribute__((target("aes,sse2"))) static inline __m128i tgcron_aes256_assist1(__m128i t1, __m128i t2) {
    __m128i t4;
    t2 = _mm_shuffle_epi32(t2, 0xff);
    t4 = _mm_slli_si128(t1, 4);
    t1 = _mm_xor_si128(t1, t4);
    t4 = _mm_slli_si128(t4, 4);
    t1 = _mm_xor_si128(t1, t4);
    t4 = _mm_slli_si128(t4, 4);
    t1 = _mm_xor_si128(t1, t4);
    return _mm_xor_si128(t1, t2);
}

__attribute__((target("aes,sse2"))) static inline __m128i tgcron_aes256_assist2(__m128i t1, __m128i t3) {
    __m128i t2, t4;
    t4 = _mm_aeskeygenassist_si128(t1, 0x00);
    t2 = _mm_shuffle_epi32(t4, 0xaa);
    t4 = _mm_slli_si128(t3, 4);
    t3 = _mm_xor_si128(t3, t4);
    t4 = _mm_slli_si128(t4, 4);
    t3 = _mm_xor_si128(t3, t4);
    t4 = _mm_slli_si128(t4, 4);
    t3 = _mm_xor_si128(t3, t4);
    return _mm_xor_si128(t3, t2);
}

#define TGCRON_AES256_ROUND_PAIR(index, rcon)                          \
    t2 = _mm_aeskeygenassist_si128(t3, rcon);                          \
    t1 = tgcron_aes256_assist1(t1, t2);                                \
    rk[index] = t1;                                                    \
    t3 = tgcron_aes256_assist2(t1, t3);                                \
    rk[index + 1] = t3;

/* The AES-256 round keys of `key` in rk[0...14]: for encryption, or for decryption (AESIMC of the
   encryption keys in reverse order) when `encrypt` is 0. */
__attribute__((target("aes,sse2"))) static inline void tgcron_aes256_schedule(const unsigned char *key, __m128i rk[15],
                                                                           int encrypt) {
    __m128i t1, t2, t3;
    t1 = _mm_loadu_si128((const __m128i *)key);
    t3 = _mm_loadu_si128((const __m128i *)(key + 16));
    rk[0] = t1;
    rk[1] = t3;
    TGCRON_AES256_ROUND_PAIR(2, 0x01)
    TGCRON_AES256_ROUND_PAIR(4, 0x02)
    TGCRON_AES256_ROUND_PAIR(6, 0x04)
    TGCRON_AES256_ROUND_PAIR(8, 0x08)
    TGCRON_AES256_ROUND_PAIR(10, 0x10)
    TGCRON_AES256_ROUND_PAIR(12, 0x20)
    t2 = _mm_aeskeygenassist_si128(t3, 0x40);
    rk[14] = tgcron_aes256_assist1(t1, t2);
    if (!encrypt) {
        __m128i dk[15];
        dk[0] = rk[14];
        for (int i = 1; i < 14; i++) dk[i] = _mm_aesimc_si128(rk[14 - i]);
        dk[14] = rk[0];
        for (int i = 0; i < 15; i++) rk[i] = dk[i];
        OPENSSL_cleanse(dk, sizeof dk);
    }
    t1 = t2 = t3 = _mm_setzero_si128();
}

/*
 * One IGE block (block i of n at data + 16 * i) in place. *t is the block's input to round 1, already
 * XORed with rk[0] and the chained block x_prev; *y is y_prev. Only the 14 rounds lie on the chain from
 * block to block: the last round is run twice with different keys, once giving this block's output
 * (rk[14] ^ y_prev) and once the next block's round-1 input (rk[14] ^ y_prev ^ next input ^ rk[0]), which
 * AESENCLAST/AESDECLAST allow because they end by XORing their key.
 */
__attribute__((target("aes,sse2"), always_inline)) static inline void tgcron_aes256_ige_ni_block(
    const __m128i rk[15], unsigned char *data, size_t n, size_t i, __m128i *t, __m128i *y, int encrypt) {
    __m128i in = _mm_loadu_si128((const __m128i *)(data + 16 * i));
    __m128i block = *t;
    if (encrypt) {
        for (int r = 1; r < 14; r++) block = _mm_aesenc_si128(block, rk[r]);
    } else {
        for (int r = 1; r < 14; r++) block = _mm_aesdec_si128(block, rk[r]);
    }
    __m128i key_out = _mm_xor_si128(rk[14], *y);
    __m128i out = encrypt ? _mm_aesenclast_si128(block, key_out) : _mm_aesdeclast_si128(block, key_out);
    if (i + 1 < n) {
        __m128i next = _mm_loadu_si128((const __m128i *)(data + 16 * (i + 1)));
        __m128i key_next = _mm_xor_si128(key_out, _mm_xor_si128(next, rk[0]));
        *t = encrypt ? _mm_aesenclast_si128(block, key_next) : _mm_aesdeclast_si128(block, key_next);
    }
    _mm_storeu_si128((__m128i *)(data + 16 * i), out);
    *y = in;
}

/* x_prev (the block XORed in before the cipher) and y_prev (after it) from the IV, and block 0's round-1
   input in *t when there is a block. */
__attribute__((target("aes,sse2"))) static inline void tgcron_aes256_ige_ni_start(const __m128i rk[15],
    const unsigned char *iv32, const unsigned char *data, size_t n, int encrypt, __m128i *t, __m128i *y) {
    __m128i x_prev = _mm_loadu_si128((const __m128i *)(iv32 + (encrypt ? 0 : 16)));
    *y = _mm_loadu_si128((const __m128i *)(iv32 + (encrypt ? 16 : 0)));
    *t = n == 0 ? _mm_setzero_si128()
                : _mm_xor_si128(_mm_xor_si128(_mm_loadu_si128((const __m128i *)data), rk[0]), x_prev);
}

__attribute__((target("aes,sse2"))) static inline int tgcron_aes256_ige_ni(const unsigned char *key, const unsigned char *iv32,
                                                                         unsigned char *data, size_t length, int encrypt) {
    __m128i rk[15], t, y;
    size_t n = length / 16;
    tgcron_aes256_schedule(key, rk, encrypt);
    tgcron_aes256_ige_ni_start(rk, iv32, data, n, encrypt, &t, &y);
    for (size_t i = 0; i < n; i++) tgcron_aes256_ige_ni_block(rk, data, n, i, &t, &y, encrypt);
    OPENSSL_cleanse(rk, sizeof rk);
    t = y = _mm_setzero_si128();
    return 0;
}
#undef TGCRON_AES256_ROUND_PAIR
#include "aes_ige_sha256.h"
#else
/* Without x86-64's AES-NI and SHA-NI there is no one-pass routine: callers decrypt and hash separately. */
static inline int tgcron_aes256_ige_decrypt_sha256(const unsigned char *key, const unsigned char *iv32,
                                                   const unsigned char *prefix32, unsigned char *data, size_t length,
                                                   unsigned char *digest32) {
    (void)key, (void)iv32, (void)prefix32, (void)data, (void)length, (void)digest32;
    return 1;
}
#endif

static inline int tgcron_aes_ige(const unsigned char *key, int key_bits, unsigned char *iv32,
                                 unsigned char *data, size_t length, int encrypt) {
#if defined(__x86_64__)
    if (key_bits == 256 && __builtin_cpu_supports("aes")) return tgcron_aes256_ige_ni(key, iv32, data, length, encrypt);
#endif
    const EVP_CIPHER *cipher = key_bits == 128 ? EVP_aes_128_ecb() : EVP_aes_256_ecb();
    EVP_CIPHER_CTX *ctx = EVP_CIPHER_CTX_new();
    if (ctx == NULL) return -1;
    if (EVP_CipherInit_ex(ctx, cipher, NULL, key, NULL, encrypt) != 1) {
        EVP_CIPHER_CTX_free(ctx);
        return -1;
    }
    EVP_CIPHER_CTX_set_padding(ctx, 0);
    /* For encryption x_prev is the previous ciphertext block and y_prev the previous plaintext
       block; for decryption the roles swap. */
    unsigned char x_prev[16], y_prev[16], in[16], block[16], out[16];
    memcpy(encrypt ? x_prev : y_prev, iv32, 16);
    memcpy(encrypt ? y_prev : x_prev, iv32 + 16, 16);
    int status = 0;
    for (size_t offset = 0; offset < length; offset += 16) {
        int written = 0;
        memcpy(in, data + offset, 16);
        for (int k = 0; k < 16; k++) block[k] = in[k] ^ x_prev[k];
        if (EVP_CipherUpdate(ctx, out, &written, block, 16) != 1 || written != 16) {
            status = -1;
            break;
        }
        for (int k = 0; k < 16; k++) data[offset + k] = out[k] ^ y_prev[k];
        memcpy(x_prev, data + offset, 16);
        memcpy(y_prev, in, 16);
    }
    OPENSSL_cleanse(x_prev, sizeof x_prev);
    OPENSSL_cleanse(y_prev, sizeof y_prev);
    OPENSSL_cleanse(in, sizeof in);
    OPENSSL_cleanse(block, sizeof block);
    OPENSSL_cleanse(out, sizeof out);
    EVP_CIPHER_CTX_free(ctx);
    return status;
}

#endif
