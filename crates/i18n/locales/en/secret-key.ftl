# The secret key that encrypts the single sign-on client secret in the database, and from which
# the key that signs password-free audit links is derived.

cli-help-serve--secret_key = The key that encrypts the single sign-on client secret and signs password-free audit links (32 random bytes as base64, e.g. from `openssl rand -base64 32`); prefer the environment variable. Default: the key file DATA_DIR/secret.key, made on first start
cli-help-demo--secret_key = The key that encrypts the single sign-on client secret and signs password-free audit links (32 random bytes as base64); default: the key file DATA_DIR/secret.key, made on first start
cli-secret-key-created = A new secret key was made in { $file }. It encrypts the single sign-on client secret and signs password-free audit links: back it up, and give every instance that shares this database the same key (this file, or SKILLGYM_SECRET_KEY).
cli-secret-key-malformed = The secret key from { $source } is not valid: it must be 32 random bytes written as base64, for example from: openssl rand -base64 32
cli-secret-key-file = Cannot read or create the secret key file { $file }: { $reason }
cli-secret-key-wrong = The single sign-on client secret in the database was encrypted with a different secret key, so single sign-on will not work on this instance. Give every instance the same key (copy the key file, or set SKILLGYM_SECRET_KEY); this one's came from { $source }. If the key is lost, an admin can type the client secret again on the settings page (skillgym sign-in passwords on lets them sign in meanwhile).
sso-client-secret-unreadable = The saved client secret cannot be decrypted here: this instance has a different secret key from the one that encrypted it, so single sign-on does not work. Give every instance the same key, or enter the client secret again.
