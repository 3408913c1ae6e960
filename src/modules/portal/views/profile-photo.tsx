// The patient's photo as the portal shows it: square whatever the file's shape (CSS crops it to the center).

/** Served to its owner only, never cached; the address names nobody, so it cannot name someone else. */
export const PHOTO_PATH = '/portal/perfil/foto';

export function ProfilePhoto(props: { alt: string; size?: 'small' | 'large' }) {
  return (
    <img
      class={`profile-photo ${props.size ?? 'large'}`}
      src={PHOTO_PATH}
      alt={props.alt}
      width={props.size === 'small' ? 64 : 160}
      height={props.size === 'small' ? 64 : 160}
    />
  );
}
