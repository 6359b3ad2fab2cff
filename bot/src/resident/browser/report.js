// The report form's enhancements, loaded as a module only by browsers that run it: GOV.UK
// Frontend's components, and a map of the council's wards where a pin can be dropped (or the
// device's location used). Without scripting the form works with the address field alone.
import { initAll } from '/assets/wardline/govuk-frontend.js';

document.body.classList.add('js-enabled', 'govuk-frontend-supported');
initAll();

const container = document.getElementById('location-map');
const latitude = document.getElementById('latitude');
const longitude = document.getElementById('longitude');
const SVG = 'http://www.w3.org/2000/svg';

function status(text) {
  let line = document.getElementById('location-status');
  if (!line) {
    line = document.createElement('p');
    line.id = 'location-status';
    line.className = 'govuk-body govuk-!-margin-top-2';
    line.setAttribute('aria-live', 'polite');
    container.appendChild(line);
  }
  line.textContent = text;
}

function setPoint(lat, lon, how) {
  latitude.value = lat.toFixed(6);
  longitude.value = lon.toFixed(6);
  status(`${how}: ${lat.toFixed(5)}, ${lon.toFixed(5)}. You can still add the street or a nearby building below.`);
}

async function drawMap() {
  const response = await fetch('/report/map.json');
  if (!response.ok) return;
  const { bounds, rings } = await response.json();
  const [minLon, minLat, maxLon, maxLat] = bounds;
  const scaleX = Math.cos(((minLat + maxLat) / 2) * Math.PI / 180);
  const width = 600;
  const height = Math.round(width * (maxLat - minLat) / ((maxLon - minLon) * scaleX));
  const x = (lon) => ((lon - minLon) / (maxLon - minLon)) * width;
  const y = (lat) => ((maxLat - lat) / (maxLat - minLat)) * height;
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('viewBox', `0 0 ${width} ${height}`);
  svg.setAttribute('class', 'wardline-map');
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-label', 'Map of the council area: select a point to drop a pin');
  svg.style.cssText = 'width:100%;max-width:600px;border:2px solid #0b0c0c;background:#f3f2f1;cursor:crosshair;display:block';
  for (const ring of rings) {
    const path = document.createElementNS(SVG, 'polygon');
    path.setAttribute('points', ring.map(([lon, lat]) => `${x(lon).toFixed(1)},${y(lat).toFixed(1)}`).join(' '));
    path.setAttribute('fill', '#ffffff');
    path.setAttribute('stroke', '#505a5f');
    path.setAttribute('stroke-width', '1');
    svg.appendChild(path);
  }
  const pin = document.createElementNS(SVG, 'circle');
  pin.setAttribute('r', '7');
  pin.setAttribute('fill', '#d4351c');
  pin.setAttribute('stroke', '#0b0c0c');
  pin.style.display = 'none';
  svg.appendChild(pin);
  const place = (lat, lon) => {
    pin.setAttribute('cx', x(lon));
    pin.setAttribute('cy', y(lat));
    pin.style.display = '';
  };
  svg.addEventListener('click', (event) => {
    const box = svg.getBoundingClientRect();
    const px = ((event.clientX - box.left) / box.width) * width;
    const py = ((event.clientY - box.top) / box.height) * height;
    const lon = minLon + (px / width) * (maxLon - minLon);
    const lat = maxLat - (py / height) * (maxLat - minLat);
    place(lat, lon);
    setPoint(lat, lon, 'Pin dropped');
  });
  container.prepend(svg);
  if (latitude.value && longitude.value) place(Number(latitude.value), Number(longitude.value));
  return place;
}

if (container) {
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'govuk-button govuk-button--secondary govuk-!-margin-top-2 govuk-!-margin-bottom-2';
  button.textContent = 'Use my current location';
  container.appendChild(button);
  drawMap().then((place) => {
    button.addEventListener('click', () => {
      if (!navigator.geolocation) return status('Your device cannot share its location. Drop a pin or enter the street instead.');
      status('Finding your location…');
      navigator.geolocation.getCurrentPosition(
        (position) => {
          setPoint(position.coords.latitude, position.coords.longitude, 'Your location');
          if (place) place(position.coords.latitude, position.coords.longitude);
        },
        () => status('We could not get your location. Drop a pin or enter the street instead.'),
        { enableHighAccuracy: true, timeout: 10000 },
      );
    });
  });
}
