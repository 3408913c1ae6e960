// Word lists for the demo patients: common Argentine names, streets of Buenos Aires and La Plata.

// biome-ignore format: a word list reads better packed
export const femaleFirstNames = [
  'María José', 'Ana María', 'Laura', 'Silvina', 'Gabriela', 'Mariana', 'Florencia', 'Carolina', 'Valeria',
  'Romina', 'Natalia', 'Paula', 'Lorena', 'Verónica', 'Andrea', 'Claudia', 'Graciela', 'Susana', 'Norma',
  'Marta', 'Beatriz', 'Mónica', 'Liliana', 'Patricia', 'Cecilia', 'Sofía', 'Martina', 'Valentina', 'Camila',
  'Lucía', 'Agustina', 'Micaela', 'Julieta', 'Milagros', 'Catalina', 'Emma', 'Olivia', 'Isabella', 'Delfina',
  'Rocío', 'Belén', 'Daiana', 'Noelia', 'Vanesa', 'Elena', 'Rosa', 'Teresa', 'Alicia', 'Estela', 'Mirta',
] as const;

// biome-ignore format: a word list reads better packed
export const maleFirstNames = [
  'Juan Carlos', 'José Luis', 'Jorge', 'Carlos', 'Luis', 'Miguel Ángel', 'Daniel', 'Roberto', 'Ricardo',
  'Alejandro', 'Gustavo', 'Marcelo', 'Fernando', 'Sergio', 'Pablo', 'Diego', 'Martín', 'Hernán', 'Sebastián',
  'Federico', 'Nicolás', 'Matías', 'Leandro', 'Lucas', 'Facundo', 'Gonzalo', 'Ezequiel', 'Maximiliano', 'Tomás',
  'Santiago', 'Mateo', 'Benjamín', 'Thiago', 'Joaquín', 'Bautista', 'Felipe', 'Lautaro', 'Franco', 'Agustín',
  'Rubén', 'Héctor', 'Osvaldo', 'Raúl', 'Alberto', 'Oscar', 'Héctor Hugo', 'Walter', 'Cristian', 'Julio', 'Mario',
] as const;

// biome-ignore format: a word list reads better packed
export const lastNames = [
  'GONZALEZ', 'RODRIGUEZ', 'GOMEZ', 'FERNANDEZ', 'LOPEZ', 'DIAZ', 'MARTINEZ', 'PEREZ', 'GARCIA', 'SANCHEZ',
  'ROMERO', 'SOSA', 'ALVAREZ', 'TORRES', 'RUIZ', 'RAMIREZ', 'FLORES', 'ACOSTA', 'BENITEZ', 'MEDINA', 'SUAREZ',
  'HERRERA', 'AGUIRRE', 'PEREYRA', 'GUTIERREZ', 'GIMENEZ', 'MOLINA', 'SILVA', 'CASTRO', 'ROJAS', 'ORTIZ',
  'NUÑEZ', 'LUNA', 'JUAREZ', 'CABRERA', 'RIOS', 'FERREYRA', 'GODOY', 'MORALES', 'DOMINGUEZ', 'MORENO',
  'PERALTA', 'VEGA', 'CARRIZO', 'QUIROGA', 'CASTILLO', 'LEDESMA', 'MUÑOZ', 'OJEDA', 'PONCE', 'VERA', 'VAZQUEZ',
  'VILLALBA', 'CARDOZO', 'NAVARRO', 'RAMOS', 'ARIAS', 'CORIA', 'FIGUEROA', 'CORREA', 'CACERES', 'VARGAS',
  'PAEZ', 'MANSILLA', 'ARCE', 'ROSSI', 'RUSSO', 'FERRARI', 'BIANCHI', 'ROMANO', 'COLOMBO', 'BRUNO', 'MARINO',
  'GRECO', 'IGLESIAS', 'CASTELLANO', 'OLIVERA', 'BARRIOS', 'ZALAZAR', 'MAIDANA', 'BRITEZ', 'FRANCO', 'PAZ',
] as const;

/** Street and the city it belongs to, so addresses read like real ones. */
export const streets: readonly (readonly [string, string])[] = [
  ['Av. Rivadavia', 'CABA'],
  ['Av. Corrientes', 'CABA'],
  ['Av. Santa Fe', 'CABA'],
  ['Av. Cabildo', 'CABA'],
  ['Billinghurst', 'CABA'],
  ['Av. Directorio', 'CABA'],
  ['Calle 7', 'La Plata'],
  ['Calle 12', 'La Plata'],
  ['Diagonal 74', 'La Plata'],
  ['Calle 50', 'La Plata'],
  ['Av. 44', 'La Plata'],
  ['Av. Mitre', 'Avellaneda'],
  ['Av. Hipólito Yrigoyen', 'Lanús'],
  ['Rivadavia', 'Quilmes'],
  ['Av. San Martín', 'Florencio Varela'],
  ['Belgrano', 'Berazategui'],
  ['Sarmiento', 'Lomas de Zamora'],
  ['Av. Meeks', 'Lomas de Zamora'],
  ['Moreno', 'Banfield'],
  ['Av. Calchaquí', 'Quilmes'],
];

export const apartmentSuffixes = ['', '', '', '', ' Piso 1 Dto. A', ' Piso 3 Dto. B', ' Piso 7 Dto. C', ' PB Dto. 2'];

/** What patients or reception write in "motivo"; most appointments leave it empty. */
export const consultationReasons = [
  'Control anual',
  'Control de presión',
  'Resultados de análisis',
  'Dolor de cabeza frecuente',
  'Renovar receta',
  'Apto físico',
  'Dolor de espalda',
  'Control post operatorio',
  'Certificado para el colegio',
  'Segunda consulta',
  'Mareos',
  'Consulta por lunar',
] as const;

export const studyReasons = ['Orden de su médico de cabecera', 'Control', 'Prequirúrgico', 'Seguimiento'] as const;
