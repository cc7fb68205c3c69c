import { signOutAction } from "@/app/(dashboard)/dashboard/actions";

export function SignOutButton() {
  return (
    <form action={signOutAction}>
      <button className="button secondary" type="submit">
        Sign out
      </button>
    </form>
  );
}
