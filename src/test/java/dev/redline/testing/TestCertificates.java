package dev.redline.testing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * A test certificate authority and certificates it signs, made with the JDK's own keytool (no
 * openssl needed), written as the PEM files Redis reads: {@code <name>.crt} and a PKCS#8 {@code
 * <name>.key}.
 */
public final class TestCertificates {
  private static final String PASSWORD = "redline-test";
  private final Path folder;
  private final String caName;

  /**
   * Makes a CA named {@code caName} in {@code folder} (its certificate is {@code <caName>.crt}).
   */
  public TestCertificates(Path folder, String caName) throws IOException {
    this.folder = folder;
    this.caName = caName;
    keytool(
        "-genkeypair",
        "-alias",
        caName,
        "-keyalg",
        "EC",
        "-groupname",
        "secp256r1",
        "-dname",
        "CN=" + caName,
        "-ext",
        "bc:c",
        "-validity",
        "3",
        "-keystore",
        store(caName));
    keytool(
        "-exportcert",
        "-alias",
        caName,
        "-rfc",
        "-keystore",
        store(caName),
        "-file",
        folder.resolve(caName + ".crt").toString());
  }

  /** The CA's certificate (PEM). */
  public Path caCertificate() {
    return folder.resolve(caName + ".crt");
  }

  /**
   * Makes a key and a certificate signed by the CA.
   *
   * @param name file names {@code <name>.crt} / {@code <name>.key}
   * @param subjectAlternativeNames e.g. {@code "IP:127.0.0.1,DNS:localhost"}, or null for a client
   *     certificate
   * @return the certificate file; the key is beside it
   */
  public Path issue(String name, String subjectAlternativeNames) throws IOException {
    keytool(
        "-genkeypair",
        "-alias",
        name,
        "-keyalg",
        "EC",
        "-groupname",
        "secp256r1",
        "-dname",
        "CN=" + name,
        "-validity",
        "3",
        "-keystore",
        store(name));
    Path request = folder.resolve(name + ".csr");
    keytool("-certreq", "-alias", name, "-keystore", store(name), "-file", request.toString());
    List<String> sign =
        new ArrayList<>(
            List.of(
                "-gencert",
                "-alias",
                caName,
                "-keystore",
                store(caName),
                "-infile",
                request.toString(),
                "-outfile",
                folder.resolve(name + ".crt").toString(),
                "-rfc",
                "-validity",
                "3"));
    if (subjectAlternativeNames != null) {
      sign.addAll(List.of("-ext", "SAN=" + subjectAlternativeNames));
    } else {
      sign.addAll(List.of("-ext", "EKU=clientAuth"));
    }
    keytool(sign.toArray(String[]::new));
    writeKey(name);
    return folder.resolve(name + ".crt");
  }

  /** The PKCS#8 PEM key beside a certificate made by {@link #issue}. */
  public Path key(String name) {
    return folder.resolve(name + ".key");
  }

  private void writeKey(String name) throws IOException {
    try (InputStream in = Files.newInputStream(Path.of(store(name)))) {
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(in, PASSWORD.toCharArray());
      Key key = store.getKey(name, PASSWORD.toCharArray());
      String pem =
          "-----BEGIN PRIVATE KEY-----\n"
              + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                  .encodeToString(key.getEncoded())
              + "\n-----END PRIVATE KEY-----\n";
      Files.writeString(key(name), pem, StandardCharsets.US_ASCII);
    } catch (GeneralSecurityException e) {
      throw new IOException("cannot read the key of " + name + ": " + e.getMessage(), e);
    }
  }

  private String store(String name) {
    return folder.resolve(name + ".p12").toString();
  }

  private static void keytool(String... arguments) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
    command.addAll(List.of(arguments));
    command.addAll(List.of("-storetype", "PKCS12", "-storepass", PASSWORD, "-noprompt"));
    if (!arguments[0].equals("-exportcert")) {
      command.addAll(List.of("-keypass", PASSWORD));
    }
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    try {
      if (process.waitFor() != 0) {
        throw new IOException("keytool " + String.join(" ", arguments) + " failed: " + output);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while running keytool");
    }
  }
}
