/**
 * The service catalogue (SPEC §4.1; 001 §3.iv): the Integrated Social Services and Benefits package (ISSB),
 * minimum and optimal, and the basic social services every community must offer under the Law of Ukraine
 * "On Social Services". The rows are configuration shipped by migration 0003; these are their codes.
 */
export const ministries = ['social_policy', 'health', 'education', 'youth_sports', 'other'] as const;
/** The ministry responsible for a service. */
export type Ministry = (typeof ministries)[number];

/** ISSB minimum package (Ministry of Social Policy), ISSB optimal package (health, education, youth), basic social services of the law. */
export const servicePackages = ['issb_minimum', 'issb_optimal', 'basic'] as const;
/** One package. */
export type ServicePackage = (typeof servicePackages)[number];

/** The shape of a catalogue code: lower-case words joined by underscores (checked in the migration too). */
export const serviceCodePattern = /^[a-z][a-z0-9_]*$/;
