package dev.redline.client;

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
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;

/** Builds the TLS socket factory of {@link TlsSettings} from PEM files (the format Redis itself uses). */
final class PemTls {
  private static final char[] NO_PASSWORD = new char[0];

  private PemTls() {}

  /**
   * A socket factory trusting the CA file (or the JDK's defaults) and presenting the client
   * certificate, if any.
   *
   * @throws IllegalArgumentException naming the file that cannot be used and why
   */
  static SSLSocketFactory socketFactory(TlsSettings tls) {
    try {
      TrustManagerFactory trust = null;
      if (tls.caFile() != null) {
        KeyStore store = emptyStore();
        int i = 0;
        for (Certificate ca : certificates(tls.caFile(), "CA file")) {
          store.setCertificateEntry("ca-" + i++, ca);
        }
        trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(store);
      }
      KeyManagerFactory keys = null;
      if (tls.certFile() != null) {
        KeyStore store = emptyStore();
        Certificate[] chain = certificates(tls.certFile(), "client certificate file").toArray(Certificate[]::new);
        store.setKeyEntry("client", privateKey(tls.keyFile()), NO_PASSWORD, chain);
        keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(store, NO_PASSWORD);
      }
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(keys == null ? null : keys.getKeyManagers(), trust == null ? null : trust.getTrustManagers(), null);
      return context.getSocketFactory();
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalArgumentException("cannot set up TLS: " + e.getMessage(), e);
    }
  }

  private static KeyStore emptyStore() throws GeneralSecurityException, IOException {
    KeyStore store = KeyStore.getInstance("PKCS12");
    store.load(null, null);
    return store;
  }

  private static Collection<? extends Certificate> certificates(Path file, String what) throws IOException {
    try {
      Collection<? extends Certificate> certificates = CertificateFactory.getInstance("X.509")
          .generateCertificates(new ByteArrayInputStream(Files.readAllBytes(file)));
      if (certificates.isEmpty()) {
        throw new IllegalArgumentException("TLS " + what + " '" + file + "' holds no certificate");
      }
      return certificates;
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException("TLS " + what + " '" + file + "' is not a PEM certificate: " + e.getMessage());
    }
  }

  private static PrivateKey privateKey(Path file) throws IOException {
    String pem = Files.readString(file, StandardCharsets.US_ASCII);
    if (pem.contains("BEGIN RSA PRIVATE KEY") || pem.contains("BEGIN EC PRIVATE KEY")) {
      throw new IllegalArgumentException("TLS client key file '" + file + "' is in the old PKCS#1/SEC1 form; convert it to PKCS#8 with: "
          + "openssl pkcs8 -topk8 -nocrypt -in " + file + " -out client-key.pk8.pem");
    }
    if (pem.contains("BEGIN ENCRYPTED PRIVATE KEY")) {
      throw new IllegalArgumentException("TLS client key file '" + file + "' is encrypted; give an unencrypted PKCS#8 key "
          + "(openssl pkcs8 -topk8 -nocrypt ...) and protect the file instead");
    }
    int begin = pem.indexOf("-----BEGIN PRIVATE KEY-----");
    int end = pem.indexOf("-----END PRIVATE KEY-----");
    if (begin < 0 || end < begin) {
      throw new IllegalArgumentException("TLS client key file '" + file + "' holds no '-----BEGIN PRIVATE KEY-----' block");
    }
    byte[] der = Base64.getMimeDecoder().decode(pem.substring(begin + "-----BEGIN PRIVATE KEY-----".length(), end));
    for (String algorithm : new String[] {"RSA", "EC", "Ed25519", "DSA"}) {
      try {
        return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
      } catch (GeneralSecurityException notThisAlgorithm) {
        // try the next one
      }
    }
    throw new IllegalArgumentException("TLS client key file '" + file + "' is not an RSA, EC, Ed25519 or DSA PKCS#8 key");
  }
}
