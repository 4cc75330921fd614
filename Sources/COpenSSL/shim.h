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

__attribute__((target("aes,sse2"))) static inline int tgcron_aes256_ige_ni(const unsigned char *key, const unsigned char *iv32,
                                                                         unsigned char *data, size_t length, int encrypt) {
    __m128i rk[15], t1, t2, t3;
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
    /* x_prev: the block XORed in before the cipher; y_prev: the block XORed in after it. */
    __m128i x_prev = _mm_loadu_si128((const __m128i *)(iv32 + (encrypt ? 0 : 16)));
    __m128i y_prev = _mm_loadu_si128((const __m128i *)(iv32 + (encrypt ? 16 : 0)));
    for (size_t offset = 0; offset < length; offset += 16) {
        __m128i in = _mm_loadu_si128((const __m128i *)(data + offset));
        __m128i block = _mm_xor_si128(_mm_xor_si128(in, x_prev), rk[0]);
        if (encrypt) {
            for (int i = 1; i < 14; i++) block = _mm_aesenc_si128(block, rk[i]);
            block = _mm_aesenclast_si128(block, rk[14]);
        } else {
            for (int i = 1; i < 14; i++) block = _mm_aesdec_si128(block, rk[i]);
            block = _mm_aesdeclast_si128(block, rk[14]);
        }
        __m128i out = _mm_xor_si128(block, y_prev);
        _mm_storeu_si128((__m128i *)(data + offset), out);
        x_prev = out;
        y_prev = in;
    }
    OPENSSL_cleanse(rk, sizeof rk);
    x_prev = _mm_setzero_si128();
    y_prev = _mm_setzero_si128();
    return 0;
}
#undef TGCRON_AES256_ROUND_PAIR
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
