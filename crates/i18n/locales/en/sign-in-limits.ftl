# Sign-in under load and behind a proxy: trusted proxies and how many password checks run at once.

cli-help-serve--trusted_proxies = A proxy whose X-Forwarded-For header tells the client's address, as an address or a range (127.0.0.1, 10.0.0.0/8); repeat it or separate with commas [default: none]
cli-help-demo--trusted_proxies = A proxy whose X-Forwarded-For header tells the client's address, as an address or a range (127.0.0.1, 10.0.0.0/8); repeat it or separate with commas [default: none]
cli-help-serve--password_checks = How many password hashes and checks may run at once (each runs on a thread of its own, which keeps 19 MiB once used) [default: two per core]
cli-help-demo--password_checks = How many password hashes and checks may run at once (each runs on a thread of its own, which keeps 19 MiB once used) [default: two per core]
cli-trusted-proxy-invalid = The trusted proxy "{ $value }" is not an address or a range of addresses. Write it as 10.0.0.1, 10.0.0.0/8 or 2001:db8::/32.
