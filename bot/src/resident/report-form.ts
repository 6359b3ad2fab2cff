import { choiceLabel, serviceArea, type TaskType } from '@wardline/core';
import { escape } from './html';

/** What the resident typed, kept to redisplay the form with its errors. */
export interface ReportValues {
  taskType?: string;
  description?: string;
  address?: string;
  latitude?: string;
  longitude?: string;
  name?: string;
  email?: string;
  phone?: string;
}

export type ReportErrors = Partial<Record<keyof ReportValues | 'photo' | 'location', string>>;

/** Where each error's link in the summary goes. */
const anchors: Record<keyof ReportErrors, string> = {
  taskType: 'taskType', description: 'description', address: 'address', location: 'address', latitude: 'address', longitude: 'address', name: 'name', email: 'email', phone: 'phone', photo: 'photo',
};

const errorMessage = (id: string, message: string | undefined): string =>
  message ? `<p id="${id}-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> ${escape(message)}</p>` : '';
const groupClass = (message: string | undefined): string => `govuk-form-group${message ? ' govuk-form-group--error' : ''}`;
const describedBy = (...ids: (string | false | undefined)[]): string => {
  const list = ids.filter(Boolean).join(' ');
  return list ? ` aria-describedby="${list}"` : '';
};

function typeSelect(taskTypes: readonly TaskType[], values: ReportValues, error?: string): string {
  const groups = new Map<string, TaskType[]>();
  for (const type of [...taskTypes].sort((a, b) => a.name.localeCompare(b.name, 'en-GB'))) {
    const label = choiceLabel(serviceArea.name, type.serviceArea);
    groups.set(label, [...(groups.get(label) ?? []), type]);
  }
  const options = [...groups].map(([label, types]) => `<optgroup label="${escape(label)}">${types.map((t) => `<option value="${escape(t.code)}"${values.taskType === t.code ? ' selected' : ''}>${escape(t.name)}</option>`).join('')}</optgroup>`).join('');
  return `<div class="${groupClass(error)}">
<label class="govuk-label govuk-label--m" for="taskType">What is the problem?</label>
<div id="taskType-hint" class="govuk-hint">Pick the closest match. If nothing fits, pick the nearest and describe it below.</div>
${errorMessage('taskType', error)}
<select class="govuk-select${error ? ' govuk-select--error' : ''}" id="taskType" name="taskType"${describedBy('taskType-hint', error && 'taskType-error')}>
<option value="">Choose a problem</option>${options}
</select>
</div>`;
}

/** The report form, with an error summary and inline errors when a submission was refused. */
export function reportForm(taskTypes: readonly TaskType[], values: ReportValues = {}, errors: ReportErrors = {}): string {
  const entries = Object.entries(errors).filter(([, message]) => message) as [keyof ReportErrors, string][];
  const summary = entries.length
    ? `<div class="govuk-error-summary" data-module="govuk-error-summary"><div role="alert"><h2 class="govuk-error-summary__title">There is a problem</h2><div class="govuk-error-summary__body"><ul class="govuk-list govuk-error-summary__list">${entries.map(([field, message]) => `<li><a href="#${anchors[field]}">${escape(message)}</a></li>`).join('')}</ul></div></div></div>`
    : '';
  const v = (key: keyof ReportValues) => escape(values[key] ?? '');
  const locationError = errors.location ?? errors.address;
  return `<div class="govuk-grid-row"><div class="govuk-grid-column-two-thirds">
${summary}
<h1 class="govuk-heading-l">Report a problem in your area</h1>
<p class="govuk-body">Tell us about a street or park problem, such as fly-tipping, graffiti or an overflowing bin. We will give you a reference to check on it.</p>
<form method="post" action="/report" enctype="multipart/form-data" novalidate>
${typeSelect(taskTypes, values, errors.taskType)}
<div class="${groupClass(errors.description)} govuk-character-count" data-module="govuk-character-count" data-maxlength="4000">
<label class="govuk-label govuk-label--m" for="description">Describe the problem</label>
<div id="description-hint" class="govuk-hint">Say what is there and anything that helps us find it. Do not include personal details.</div>
${errorMessage('description', errors.description)}
<textarea class="govuk-textarea govuk-js-character-count${errors.description ? ' govuk-textarea--error' : ''}" id="description" name="description" rows="5"${describedBy('description-hint', 'description-info', errors.description && 'description-error')}>${v('description')}</textarea>
<div id="description-info" class="govuk-hint govuk-character-count__message">You can enter up to 4,000 characters</div>
</div>
<div class="${groupClass(locationError)}">
<fieldset class="govuk-fieldset" aria-describedby="location-hint${locationError ? ' address-error' : ''}">
<legend class="govuk-fieldset__legend govuk-fieldset__legend--m"><h2 class="govuk-fieldset__heading">Where is it?</h2></legend>
<div id="location-hint" class="govuk-hint">Enter the street name, a nearby building or the postcode.</div>
${errorMessage('address', locationError)}
<div id="location-map" data-latitude="${v('latitude')}" data-longitude="${v('longitude')}"></div>
<input type="hidden" id="latitude" name="latitude" value="${v('latitude')}">
<input type="hidden" id="longitude" name="longitude" value="${v('longitude')}">
<label class="govuk-label" for="address">Street, building or postcode</label>
<input class="govuk-input${locationError ? ' govuk-input--error' : ''}" id="address" name="address" type="text" autocomplete="street-address" value="${v('address')}">
</fieldset>
</div>
<div class="${groupClass(errors.photo)}">
<label class="govuk-label govuk-label--m" for="photo">Add a photo (optional)</label>
<div id="photo-hint" class="govuk-hint">A JPG, PNG, GIF or WebP, smaller than 10MB.</div>
${errorMessage('photo', errors.photo)}
<input class="govuk-file-upload${errors.photo ? ' govuk-file-upload--error' : ''}" id="photo" name="photo" type="file" accept="image/jpeg,image/png,image/gif,image/webp"${describedBy('photo-hint', errors.photo && 'photo-error')}>
</div>
<div class="govuk-form-group">
<fieldset class="govuk-fieldset" aria-describedby="contact-hint">
<legend class="govuk-fieldset__legend govuk-fieldset__legend--m"><h2 class="govuk-fieldset__heading">Do you want updates? (optional)</h2></legend>
<div id="contact-hint" class="govuk-hint">Give an email address or a mobile number and we will tell you when we have received your report and when it is dealt with.</div>
<div class="${groupClass(errors.name)}"><label class="govuk-label" for="name">Your name</label>${errorMessage('name', errors.name)}<input class="govuk-input govuk-!-width-two-thirds" id="name" name="name" type="text" autocomplete="name" spellcheck="false" value="${v('name')}"></div>
<div class="${groupClass(errors.email)}"><label class="govuk-label" for="email">Email address</label>${errorMessage('email', errors.email)}<input class="govuk-input${errors.email ? ' govuk-input--error' : ''}" id="email" name="email" type="email" autocomplete="email" spellcheck="false" value="${v('email')}"${describedBy(errors.email && 'email-error')}></div>
<div class="${groupClass(errors.phone)}"><label class="govuk-label" for="phone">Mobile number, for text messages</label>${errorMessage('phone', errors.phone)}<input class="govuk-input govuk-input--width-20${errors.phone ? ' govuk-input--error' : ''}" id="phone" name="phone" type="tel" autocomplete="tel" value="${v('phone')}"${describedBy(errors.phone && 'phone-error')}></div>
</fieldset>
</div>
<button type="submit" class="govuk-button" data-module="govuk-button">Send report</button>
</form>
</div></div>`;
}
