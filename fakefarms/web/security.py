"""The security headers every page carries: in a <meta> tag and in `_headers` for hosts."""

# The empty-string hash lets Plotly add its (empty) <style> element and fill it through
# CSSOM, which CSP does not block; no inline style or script is allowed otherwise.
EMPTY_STYLE_HASH = "'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='"

CONTENT_SECURITY_POLICY = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self'",
        f"style-src 'self' {EMPTY_STYLE_HASH}",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
    ]
)

#: Sent by hosts that read a `_headers` file; the policy is also in every page's <meta>.
HEADERS = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY + "; frame-ancestors 'none'",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "X-Content-Type-Options": "nosniff",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), interest-cohort=()",
}

#: The embeds (/embed/*), which any site may frame; otherwise the same headers.
EMBED_HEADERS = {**HEADERS, "Content-Security-Policy": CONTENT_SECURITY_POLICY + "; frame-ancestors *"}
#: The folder of the built site that holds them.
EMBED_FOLDER = "embed"
