/* global document -- browser global: this file runs in the page */
// Renders every registered Jobunivers element (the list comes from custom-elements.json, served as
// /elements.json by the test server) once per language, the way a host page would: plain DOM, no innerHTML.
const stage = document.getElementById('stage');

function section(language) {
  const wrapper = document.createElement('section');
  wrapper.lang = language;
  wrapper.dataset.language = language;
  const heading = document.createElement('h2');
  heading.textContent = `lang="${language}"`;
  wrapper.append(heading);
  return wrapper;
}

function addElements(tags, language) {
  const wrapper = section(language);
  for (const tag of tags) {
    const element = document.createElement(tag);
    element.dataset.testTag = tag;
    // The host's own content: the no-JS fallback for widgets, the slotted content for <ju-provider>.
    const content = document.createElement('p');
    content.className = 'host-content';
    content.textContent = `Indhold i <${tag}> (${language})`;
    element.append(content);
    wrapper.append(element);
  }
  stage.append(wrapper);
}

const response = await fetch('/elements.json');
const tags = await response.json();
addElements(tags, 'da');
addElements(tags, 'ar');
document.getElementById('add-english').addEventListener('click', () => {
  addElements(tags, 'en');
});
document.documentElement.dataset.ready = 'true';
