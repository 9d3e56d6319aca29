/** The sentence saying what went wrong with a form (the API's own message, naming each bad field). */
export function FormError({ message, id }: { message: string | null; id?: string }) {
  if (!message) return null;
  return (
    <p class="form-error" role="alert" id={id} data-testid="form-error">
      {message}
    </p>
  );
}
