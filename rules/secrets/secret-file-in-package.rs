//! `secret-file-in-package`: environment files, private keys and certificate stores
//! (`.env`, `.env.*`, `*.pem`, `*.key`, `*.pfx`, `*.p12`, `id_rsa`, `id_ed25519`…) in the
//! package. Their content is never printed.

use crate::finding::Finding;
use crate::model::Ctx;
use crate::rules::helpers::secrets::util::secret_file_kind;
use crate::rules::Out;

pub(crate) fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    for name in ctx.package.names() {
        let Some(what) = secret_file_kind(name) else {
            continue;
        };
        out.push(
                Finding::at(
                    name,
                    "",
                    format!("`{name}` looks like {what}; an app package is published to every customer who installs the app, so it must not carry credentials"),
                )
                .help("Remove the file from the package and rotate every credential it held: anyone who received the package may have it. Keep environment files and keys out of the app package folder (the Agents Toolkit keeps them in env/ and reads them at build time).")
                .label("credential file"),
            );
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{at, Pkg};

    #[test]
    fn env_and_key_files() {
        let pkg = Pkg::base()
            .set(".env.dev", b"SECRET=1".to_vec())
            .set("certs/server.pem", b"-----BEGIN CERTIFICATE-----".to_vec());
        assert_eq!(
            pkg.hits("secret-file-in-package"),
            vec![at(".env.dev", ""), at("certs/server.pem", "")]
        );
        // Reported once: not also as an additional file.
        assert!(pkg
            .hits("package-extra-file")
            .iter()
            .all(|(f, _)| f != ".env.dev"));
    }

    #[test]
    fn clean_package_passes() {
        assert!(Pkg::base().hits("secret-file-in-package").is_empty());
        assert!(Pkg::base()
            .set("environment.json", b"{}".to_vec())
            .hits("secret-file-in-package")
            .is_empty());
    }
}
