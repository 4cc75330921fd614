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

/*
 * AES-IGE in place over OpenSSL's low-level AES API (used by MTProtoCrypto.AESIGE).
 *
 * OpenSSL 3 deprecates AES_set_*_key and AES_ige_encrypt but still ships them, and they are the
 * fastest way to run IGE, whose blocks are strictly sequential. The deprecation warning is silenced
 * here, in this one reviewed wrapper, instead of for every user of the module.
 *
 * key_bits is 128 or 256; iv32 (32 bytes) is updated; length must be a multiple of 16.
 * Returns 0 on success, or AES_set_*_key's negative status on a bad key.
 */
static inline int tgcron_aes_ige(const unsigned char *key, int key_bits, unsigned char *iv32,
                                 unsigned char *data, size_t length, int encrypt) {
#pragma clang diagnostic push
#pragma clang diagnostic ignored "-Wdeprecated-declarations"
    AES_KEY schedule;
    int status = encrypt ? AES_set_encrypt_key(key, key_bits, &schedule)
                         : AES_set_decrypt_key(key, key_bits, &schedule);
    if (status == 0) {
        AES_ige_encrypt(data, data, length, &schedule, iv32, encrypt ? AES_ENCRYPT : AES_DECRYPT);
    }
    OPENSSL_cleanse(&schedule, sizeof schedule);
    return status;
#pragma clang diagnostic pop
}

#endif
