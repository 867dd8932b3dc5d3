# Sign-in behind a proxy: the proxies whose X-Forwarded-For is believed.

cli-help-serve--trusted_proxies = A proxy whose X-Forwarded-For header tells the client's address, as an address or a range (127.0.0.1, 10.0.0.0/8); repeat it or separate with commas [default: none]
cli-help-demo--trusted_proxies = A proxy whose X-Forwarded-For header tells the client's address, as an address or a range (127.0.0.1, 10.0.0.0/8); repeat it or separate with commas [default: none]
cli-trusted-proxy-invalid = The trusted proxy "{ $value }" is not an address or a range of addresses. Write it as 10.0.0.1, 10.0.0.0/8 or 2001:db8::/32.
