// Texts for the message keys in zod issues (lib/schemas). Swedish is the source
// language; both dictionaries must have every key (checked by the compiler
// here and by lib/schemas/validation-messages.test.ts). Written for a
// volunteer filling in a form in the evening: say what to do, not what failed.
// Limits come from the schemas' constants so a text never disagrees with its rule.
import {
  CITY_MAX,
  CONTACT_NAME_MAX,
  EMAIL_MAX,
  NAME_MAX,
  PARTNER_TOWNS_MAX,
  PHONE_MAX_DIGITS,
  PHONE_MIN_DIGITS,
  REASON_MAX,
  REASON_MIN,
  STREET_ADDRESS_MAX,
} from "../schemas/association";
import {
  DESCRIPTION_MAX,
  LINE_LABEL_MAX,
  OBJECTIVE_MOTIVATION_MAX,
  OBJECTIVE_MOTIVATION_MIN,
  OBJECTIVES_MAX,
  PURPOSE_MAX,
  TITLE_MAX,
} from "../schemas/application";
import { formatNumber } from "./translate-core";

const svNumber = (n: number) => formatNumber(n, "sv");
const enNumber = (n: number) => formatNumber(n, "en");

const sv = {
  "validation.required": "Fyll i det här fältet.",
  "validation.invalid": "Det här värdet går inte att använda – kontrollera fältet och försök igen.",
  "validation.id.invalid": "Valet känns inte igen. Ladda om sidan och välj igen.",
  "validation.date.format": "Ange ett datum som finns, skrivet ÅÅÅÅ-MM-DD (till exempel 2027-06-15).",
  "validation.amount.invalid": "Skriv beloppet i kronor med siffror, till exempel 1500.",
  "validation.amount.notInteger": "Skriv hela kronor, utan ören.",
  "validation.amount.negative": "Beloppet kan inte vara mindre än 0 kr.",
  "validation.amount.tooLarge": "Beloppet är orimligt stort – kontrollera antalet nollor.",
  "validation.count.invalid": "Skriv antalet med siffror, till exempel 12.",
  "validation.count.notInteger": "Skriv ett helt antal, utan decimaler.",
  "validation.count.negative": "Antalet kan inte vara mindre än 0.",
  "validation.count.tooLarge": "Antalet är orimligt stort – kontrollera siffran.",

  "validation.name.tooLong": `Namnet får vara högst ${svNumber(NAME_MAX)} tecken.`,
  "validation.orgNumber.format": "Skriv organisationsnumret som tio siffror, till exempel 802002-4280.",
  "validation.orgNumber.checksum": "Organisationsnumret stämmer inte – kontrollera siffrorna.",
  "validation.orgNumber.personalIdentityNumber":
    "Det här ser ut som ett personnummer. Skriv föreningens organisationsnummer – föreningen får ett från Skatteverket.",
  "validation.streetAddress.tooLong": `Adressen får vara högst ${svNumber(STREET_ADDRESS_MAX)} tecken.`,
  "validation.postalCode.format": "Skriv postnumret med fem siffror, till exempel 941 85.",
  "validation.city.tooLong": `Orten får vara högst ${svNumber(CITY_MAX)} tecken.`,
  "validation.contactName.tooLong": `Namnet får vara högst ${svNumber(CONTACT_NAME_MAX)} tecken.`,
  "validation.email.format": "Kontrollera e-postadressen – den ska se ut som namn@exempel.se.",
  "validation.email.tooLong": `E-postadressen får vara högst ${svNumber(EMAIL_MAX)} tecken.`,
  "validation.reason.length": `Skriv ett skäl med ${REASON_MIN}–${REASON_MAX} tecken. Det skickas till föreningen.`,
  "validation.phone.format": `Skriv ett telefonnummer med ${PHONE_MIN_DIGITS}–${PHONE_MAX_DIGITS} siffror, till exempel 070-123 45 67.`,
  "validation.paymentMethod.invalid": "Välj bankgiro eller plusgiro.",
  "validation.paymentAccount.tooLong": "Numret är för långt – skriv bara bankgiro- eller plusgironumret.",
  "validation.paymentAccount.bankgiro.format": "Ett bankgironummer har 7 eller 8 siffror, till exempel 5050-1055.",
  "validation.paymentAccount.bankgiro.checksum": "Bankgironumret stämmer inte – kontrollera siffrorna.",
  "validation.paymentAccount.plusgiro.format": "Ett plusgironummer har 2–8 siffror, till exempel 4 10 54-8.",
  "validation.paymentAccount.plusgiro.checksum": "Plusgironumret stämmer inte – kontrollera siffrorna.",
  "validation.partnerTownIds.required": "Välj minst en samverkansort som föreningen samarbetar med.",
  "validation.partnerTownIds.tooMany": `Välj högst ${svNumber(PARTNER_TOWNS_MAX)} samverkansorter.`,

  "validation.grantKind.invalid": "Välj grundbidrag eller aktivitetsbidrag.",
  "validation.application.title.tooLong": `Rubriken får vara högst ${svNumber(TITLE_MAX)} tecken.`,
  "validation.application.purpose.tooLong": `Syftet får vara högst ${svNumber(PURPOSE_MAX)} tecken.`,
  "validation.application.description.tooLong": `Beskrivningen får vara högst ${svNumber(DESCRIPTION_MAX)} tecken.`,
  "validation.application.objectiveMotivation.tooLong": `Motiveringen får vara högst ${svNumber(OBJECTIVE_MOTIVATION_MAX)} tecken.`,
  "validation.application.objectivesRequired": `Välj minst ett av kommunens mål, eller beskriv med minst ${OBJECTIVE_MOTIVATION_MIN} tecken hur aktiviteten hänger ihop med målen.`,
  "validation.application.objectiveIds.tooMany": `Välj högst ${svNumber(OBJECTIVES_MAX)} mål.`,
  "validation.application.endBeforeStart": "Slutdatumet kan inte vara före startdatumet.",
  "validation.application.under26ExceedsTotal": "Deltagarna under 26 år kan inte vara fler än alla deltagare tillsammans.",
  "validation.application.budgetLinesRequired": "Lägg till minst en kostnad i budgeten – aktivitetsbidraget utgår från den.",
  "validation.application.lineLabel.tooLong": `Texten på raden får vara högst ${svNumber(LINE_LABEL_MAX)} tecken.`,
  "validation.application.lines.tooMany": "Det är för många rader – slå ihop några.",
  "validation.application.requestedAmount.notPositive": "Skriv hur mycket föreningen söker – minst 1 kr.",
  "validation.application.requestedExceedsNetCosts":
    "Ni kan söka högst kostnaderna minus annan finansiering. Sänk beloppet eller kontrollera budgeten.",
} as const satisfies Record<string, string>;

export type ValidationMessageKey = keyof typeof sv;

const en: Record<ValidationMessageKey, string> = {
  "validation.required": "Please fill in this field.",
  "validation.invalid": "This value can't be used – please check the field and try again.",
  "validation.id.invalid": "We don't recognise this choice. Please reload the page and choose again.",
  "validation.date.format": "Enter a real date written YYYY-MM-DD (for example 2027-06-15).",
  "validation.amount.invalid": "Write the amount in kronor using digits, for example 1500.",
  "validation.amount.notInteger": "Write whole kronor, without öre.",
  "validation.amount.negative": "The amount can't be less than 0 kronor.",
  "validation.amount.tooLarge": "That amount is unreasonably large – please check the number of zeros.",
  "validation.count.invalid": "Write the number using digits, for example 12.",
  "validation.count.notInteger": "Write a whole number, without decimals.",
  "validation.count.negative": "The number can't be less than 0.",
  "validation.count.tooLarge": "That number is unreasonably large – please check it.",

  "validation.name.tooLong": `The name can be at most ${enNumber(NAME_MAX)} characters.`,
  "validation.orgNumber.format": "Write the organisation number as ten digits, for example 802002-4280.",
  "validation.orgNumber.checksum": "The organisation number doesn't add up – please check the digits.",
  "validation.orgNumber.personalIdentityNumber":
    "This looks like a personal identity number. Enter the association's organisation number – associations get one from the Swedish Tax Agency (Skatteverket).",
  "validation.streetAddress.tooLong": `The address can be at most ${enNumber(STREET_ADDRESS_MAX)} characters.`,
  "validation.postalCode.format": "Write the postcode as five digits, for example 941 85.",
  "validation.city.tooLong": `The town can be at most ${enNumber(CITY_MAX)} characters.`,
  "validation.contactName.tooLong": `The name can be at most ${enNumber(CONTACT_NAME_MAX)} characters.`,
  "validation.email.format": "Please check the email address – it should look like name@example.com.",
  "validation.email.tooLong": `The email address can be at most ${enNumber(EMAIL_MAX)} characters.`,
  "validation.reason.length": `Write a reason of ${REASON_MIN}–${REASON_MAX} characters. It is sent to the association.`,
  "validation.phone.format": `Write a phone number with ${PHONE_MIN_DIGITS}–${PHONE_MAX_DIGITS} digits, for example 070-123 45 67.`,
  "validation.paymentMethod.invalid": "Choose bankgiro or plusgiro.",
  "validation.paymentAccount.tooLong": "That is too long – write only the bankgiro or plusgiro number.",
  "validation.paymentAccount.bankgiro.format": "A bankgiro number has 7 or 8 digits, for example 5050-1055.",
  "validation.paymentAccount.bankgiro.checksum": "The bankgiro number doesn't add up – please check the digits.",
  "validation.paymentAccount.plusgiro.format": "A plusgiro number has 2 to 8 digits, for example 4 10 54-8.",
  "validation.paymentAccount.plusgiro.checksum": "The plusgiro number doesn't add up – please check the digits.",
  "validation.partnerTownIds.required": "Choose at least one partner town the association works with.",
  "validation.partnerTownIds.tooMany": `Choose at most ${enNumber(PARTNER_TOWNS_MAX)} partner towns.`,

  "validation.grantKind.invalid": "Choose base grant or activity grant.",
  "validation.application.title.tooLong": `The title can be at most ${enNumber(TITLE_MAX)} characters.`,
  "validation.application.purpose.tooLong": `The purpose can be at most ${enNumber(PURPOSE_MAX)} characters.`,
  "validation.application.description.tooLong": `The description can be at most ${enNumber(DESCRIPTION_MAX)} characters.`,
  "validation.application.objectiveMotivation.tooLong": `The explanation can be at most ${enNumber(OBJECTIVE_MOTIVATION_MAX)} characters.`,
  "validation.application.objectivesRequired": `Choose at least one of the municipality's goals, or explain in at least ${OBJECTIVE_MOTIVATION_MIN} characters how the activity relates to them.`,
  "validation.application.objectiveIds.tooMany": `Choose at most ${enNumber(OBJECTIVES_MAX)} goals.`,
  "validation.application.endBeforeStart": "The end date can't be before the start date.",
  "validation.application.under26ExceedsTotal": "Participants under 26 can't outnumber all participants together.",
  "validation.application.budgetLinesRequired": "Add at least one cost to the budget – the activity grant is based on it.",
  "validation.application.lineLabel.tooLong": `The text on the line can be at most ${enNumber(LINE_LABEL_MAX)} characters.`,
  "validation.application.lines.tooMany": "There are too many lines – please combine some.",
  "validation.application.requestedAmount.notPositive": "Write how much the association is applying for – at least 1 krona.",
  "validation.application.requestedExceedsNetCosts":
    "You can apply for at most your costs minus other funding. Lower the amount or check the budget.",
};

export const validationMessages: { sv: Record<ValidationMessageKey, string>; en: Record<ValidationMessageKey, string> } = { sv, en };

export function isValidationMessageKey(value: string): value is ValidationMessageKey {
  return Object.hasOwn(sv, value);
}
