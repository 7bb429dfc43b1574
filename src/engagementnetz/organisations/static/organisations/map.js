// Maps of the directory with Leaflet, from the platform's own static files.
// Progressive enhancement: without JavaScript (or without a configured tile server) the pages
// show lists and input fields instead. Data comes from data attributes or a same-origin JSON URL.
(function () {
  "use strict";

  function tiles(element, map) {
    window.L.tileLayer(element.dataset.tileUrl, {
      attribution: element.dataset.attribution || "",
      maxZoom: 19,
    }).addTo(map);
  }

  function popup(item) {
    const box = document.createElement("div");
    const link = document.createElement("a");
    link.href = item.url;
    link.textContent = item.name;
    box.appendChild(link);
    if (item.text) {
      const text = document.createElement("p");
      text.textContent = item.text;
      box.appendChild(text);
    }
    return box;
  }

  function directoryMap(element) {
    const map = window.L.map(element, { scrollWheelZoom: false }).setView([49.97, 6.53], 13);
    tiles(element, map);
    fetch(element.dataset.source, { headers: { Accept: "application/json" }, credentials: "same-origin" })
      .then((response) => response.json())
      .then((data) => {
        const markers = data.organisations.map((item) =>
          window.L.marker([item.lat, item.lng], { title: item.name, alt: item.name }).bindPopup(popup(item))
        );
        if (markers.length) {
          const group = window.L.featureGroup(markers).addTo(map);
          map.fitBounds(group.getBounds(), { padding: [24, 24], maxZoom: 16 });
        }
      })
      .catch(() => {
        element.setAttribute("hidden", "");
      });
  }

  function singleMap(element) {
    const position = [parseFloat(element.dataset.lat), parseFloat(element.dataset.lng)];
    const map = window.L.map(element, { scrollWheelZoom: false }).setView(position, 16);
    tiles(element, map);
    window.L.marker(position, { title: element.dataset.name, alt: element.dataset.name }).addTo(map);
  }

  function picker(element) {
    // Click on the map to fill latitude and longitude of the form (they stay editable).
    const form = element.closest("form");
    const latitude = form.querySelector("[name=latitude]");
    const longitude = form.querySelector("[name=longitude]");
    const separator = element.dataset.decimal || ".";
    const read = (input) => parseFloat((input.value || "").replace(",", "."));
    const write = (input, value) => { input.value = value.toFixed(6).replace(".", separator); };
    const start = [read(latitude), read(longitude)];
    const known = !Number.isNaN(start[0]) && !Number.isNaN(start[1]);
    const map = window.L.map(element).setView(known ? start : [49.97, 6.53], known ? 16 : 13);
    tiles(element, map);
    let marker = known ? window.L.marker(start).addTo(map) : null;
    map.on("click", (event) => {
      write(latitude, event.latlng.lat);
      write(longitude, event.latlng.lng);
      if (marker) {
        marker.setLatLng(event.latlng);
      } else {
        marker = window.L.marker(event.latlng).addTo(map);
      }
    });
  }

  function init(root) {
    if (!window.L) {
      return;
    }
    root.querySelectorAll("[data-map]:not([data-map-ready])").forEach((element) => {
      element.setAttribute("data-map-ready", "");
      if (element.dataset.source) {
        directoryMap(element);
      } else {
        singleMap(element);
      }
    });
    root.querySelectorAll("[data-map-picker]:not([data-map-ready])").forEach((element) => {
      element.setAttribute("data-map-ready", "");
      picker(element);
    });
  }

  document.addEventListener("DOMContentLoaded", () => init(document));
  document.addEventListener("htmx:afterSwap", (event) => init(event.detail.target));
})();
