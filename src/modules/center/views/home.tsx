import { Layout } from '../../../views/layout.js';
import type { CenterView } from '../center.service.js';

export interface HomeSpecialty {
  name: string;
  professionals: string[];
}

export function HomePage(props: { center: CenterView; specialties: HomeSpecialty[] }) {
  const { center } = props;
  return (
    <Layout center={center} title="Inicio">
      <h2>Bienvenido al portal de turnos de {center.name}</h2>
      {center.welcomePhrase && <p>{center.welcomePhrase}</p>}
      {!center.webBookingEnabled && (
        <section class="card notice" role="status">
          <h3>Los turnos por internet no están disponibles en este momento</h3>
          <p>
            Para pedir un turno comunicate con el centro
            {center.phones ? ` al ${center.phones}` : ''}
            {center.contactHours ? `, ${center.contactHours}` : ''}.
          </p>
        </section>
      )}
      {center.webBookingEnabled && props.specialties.length > 0 && (
        <section class="card" aria-labelledby="specialties-title">
          <h3 id="specialties-title">Especialidades y profesionales</h3>
          <ul>
            {props.specialties.map((s) => (
              <li key={s.name}>
                <strong>{s.name}</strong>: {s.professionals.join(', ')}
              </li>
            ))}
          </ul>
        </section>
      )}
    </Layout>
  );
}
