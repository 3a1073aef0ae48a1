package dev.redline.client;

import dev.redline.config.TlsSettings;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.Collection;
import javax.net.ssl.SSLParameters;
import redis.clients.jedis.SslOptions;
import redis.clients.jedis.SslVerifyMode;

/**
 * Builds the TLS socket factory of {@link TlsSettings} from PEM files (the format Redis itself
 * uses).
 */
final class PemTls {
  // protects nothing on disk (the stores live in memory only); PKCS#12 wants a password
  private static final char[] STORE_PASSWORD = java.util.UUID.randomUUID().toString().toCharArray();

  private PemTls() {}

  /**
   * Jedis's TLS options: trusting the CA file (or the JDK's defaults), presenting the client
   * certificate, if any, checking the server's hostname when asked, with the allowed protocol
   * versions. The PEM files become in-memory PKCS#12 stores under a password made for this process.
   *
   * @throws IllegalArgumentException naming the file that cannot be used and why
   */
  static SslOptions sslOptions(TlsSettings tls) {
    try {
      SslOptions.Builder options =
          SslOptions.builder()
              .sslVerifyMode(tls.verifyHostname() ? SslVerifyMode.FULL : SslVerifyMode.CA);
      if (tls.caFile() != null) {
        KeyStore store = emptyStore();
        int i = 0;
        for (Certificate ca : certificates(tls.caFile(), "CA file")) {
          store.setCertificateEntry("ca-" + i++, ca);
        }
        options.truststore(inMemory(store), STORE_PASSWORD.clone());
      }
      if (tls.certFile() != null) {
        KeyStore store = emptyStore();
        Certificate[] chain =
            certificates(tls.certFile(), "client certificate file").toArray(Certificate[]::new);
        store.setKeyEntry("client", privateKey(tls.keyFile()), STORE_PASSWORD, chain);
        options.keystore(inMemory(store), STORE_PASSWORD.clone());
      }
      if (!tls.protocols().isEmpty()) {
        SSLParameters parameters = new SSLParameters();
        parameters.setProtocols(tls.protocols().toArray(String[]::new));
        options.sslParameters(parameters);
      }
      return options.build();
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalArgumentException("cannot set up TLS: " + e.getMessage(), e);
    }
  }

  /** A store's PKCS#12 bytes, for Jedis to read whenever it makes a TLS context. */
  private static SslOptions.Resource inMemory(KeyStore store)
      throws GeneralSecurityException, IOException {
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    store.store(bytes, STORE_PASSWORD);
    byte[] pkcs12 = bytes.toByteArray();
    return () -> new java.io.ByteArrayInputStream(pkcs12);
  }

  private static KeyStore emptyStore() throws GeneralSecurityException, IOException {
    KeyStore store = KeyStore.getInstance("PKCS12");
    store.load(null, null);
    return store;
  }

  private static Collection<? extends Certificate> certificates(Path file, String what)
      throws IOException {
    try {
      Collection<? extends Certificate> certificates =
          CertificateFactory.getInstance("X.509")
              .generateCertificates(new ByteArrayInputStream(Files.readAllBytes(file)));
      if (certificates.isEmpty()) {
        throw new IllegalArgumentException("TLS " + what + " '" + file + "' holds no certificate");
      }
      return certificates;
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException(
          "TLS " + what + " '" + file + "' is not a PEM certificate: " + e.getMessage());
    }
  }

  private static PrivateKey privateKey(Path file) throws IOException {
    String pem = Files.readString(file, StandardCharsets.US_ASCII);
    if (pem.contains("BEGIN RSA PRIVATE KEY") || pem.contains("BEGIN EC PRIVATE KEY")) {
      throw new IllegalArgumentException(
          "TLS client key file '"
              + file
              + "' is in the old PKCS#1/SEC1 form; convert it to PKCS#8 with: "
              + "openssl pkcs8 -topk8 -nocrypt -in "
              + file
              + " -out client-key.pk8.pem");
    }
    if (pem.contains("BEGIN ENCRYPTED PRIVATE KEY")) {
      throw new IllegalArgumentException(
          "TLS client key file '"
              + file
              + "' is encrypted; give an unencrypted PKCS#8 key "
              + "(openssl pkcs8 -topk8 -nocrypt ...) and protect the file instead");
    }
    int begin = pem.indexOf("-----BEGIN PRIVATE KEY-----");
    int end = pem.indexOf("-----END PRIVATE KEY-----");
    if (begin < 0 || end < begin) {
      throw new IllegalArgumentException(
          "TLS client key file '" + file + "' holds no '-----BEGIN PRIVATE KEY-----' block");
    }
    byte[] der =
        Base64.getMimeDecoder()
            .decode(pem.substring(begin + "-----BEGIN PRIVATE KEY-----".length(), end));
    for (String algorithm : new String[] {"RSA", "EC", "Ed25519", "DSA"}) {
      try {
        return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
      } catch (GeneralSecurityException notThisAlgorithm) {
        // try the next one
      }
    }
    throw new IllegalArgumentException(
        "TLS client key file '" + file + "' is not an RSA, EC, Ed25519 or DSA PKCS#8 key");
  }
}
