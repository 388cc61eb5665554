/* SHA-256 from OpenSSL's libcrypto. The low-level API is used on purpose: its context is a plain
   struct, so a file's digest can be saved part-way and resumed when the file grows. */
#define OPENSSL_SUPPRESS_DEPRECATED
#include <openssl/sha.h>
