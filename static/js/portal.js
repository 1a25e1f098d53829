// Portal-wide behaviour. No inline scripts: the Content Security Policy only allows 'self'.
document.addEventListener("htmx:configRequest", (event) => {
  const token = document.querySelector("input[name=csrfmiddlewaretoken]");
  if (token) {
    event.detail.headers["X-CSRFToken"] = token.value;
  }
});
