/** The sign-in page of a shared server: user name and password; errors in place, in Dutch. */
import { html, css, LitElement } from 'lit';
import { ApiError } from '../api.ts';
import { session } from '../session.ts';
import { shared } from '../styles.ts';

export class SignIn extends LitElement {
  static properties = { failure: { state: true }, busy: { state: true } };
  declare failure: string;
  declare busy: boolean;

  constructor() {
    super();
    this.failure = '';
    this.busy = false;
  }

  static styles = [
    shared,
    css`
      :host { display: flex; justify-content: center; padding-top: 4rem; }
      form { background: #fff; border: 1px solid #d5dbe5; border-radius: 6px; padding: 1.25rem 1.5rem; width: 22rem;
        display: grid; gap: 0.5rem; }
      h2 { margin: 0 0 0.25rem; font-size: 1.1rem; }
      input { font: inherit; width: 100%; box-sizing: border-box; }
      .muted { font-size: 0.8rem; }
    `,
  ];

  private async submit(e: Event) {
    e.preventDefault();
    const form = e.target as HTMLFormElement;
    const data = new FormData(form);
    this.busy = true;
    this.failure = '';
    try {
      await session.signIn(String(data.get('username') ?? ''), String(data.get('password') ?? ''));
    } catch (error) {
      const status = error instanceof ApiError ? error.status : 0;
      this.failure =
        status === 429
          ? 'Te veel mislukte pogingen vanaf dit adres. Probeer het over een minuut opnieuw.'
          : status === 401 || status === 400
            ? 'Onjuiste gebruikersnaam of wachtwoord, of het account is uitgeschakeld.'
            : 'Aanmelden lukt nu niet. Probeer het later opnieuw.';
      (form.elements.namedItem('password') as HTMLInputElement).value = '';
    } finally {
      this.busy = false;
    }
  }

  override render() {
    return html`<form @submit=${this.submit} aria-labelledby="signin-title">
      <h2 id="signin-title">Aanmelden bij Samenhang</h2>
      <label for="signin-user">Gebruikersnaam</label>
      <input id="signin-user" name="username" autocomplete="username" required />
      <label for="signin-password">Wachtwoord</label>
      <input id="signin-password" name="password" type="password" autocomplete="current-password" required />
      ${this.failure ? html`<div class="error" role="alert">${this.failure}</div>` : ''}
      <button class="primary" type="submit" ?disabled=${this.busy}>Aanmelden</button>
      ${
        session.oidc ? html`<a id="signin-oidc" href=${session.oidc.start}>Aanmelden via ${session.oidc.label}</a>` : ''
      }
      <div class="muted">Een account krijgt u van de beheerder van deze server.</div>
    </form>`;
  }
}
customElements.define('sh-sign-in', SignIn);
