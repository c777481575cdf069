// Keeps the server-rendered date line ticking every second in the site's time zone, so a page
// served from a cache still shows the right time. Mirrors ArabicDateLine.Format on the server.
(() => {
  "use strict";
  const line = document.getElementById("date-line");
  if (!line || !window.Intl) {
    return;
  }
  const weekdays = { Sun: "الأحد", Mon: "الاثنين", Tue: "الثلاثاء", Wed: "الأربعاء", Thu: "الخميس", Fri: "الجمعة", Sat: "السبت" };
  let format;
  try {
    format = new Intl.DateTimeFormat("en-US", {
      timeZone: line.dataset.tz,
      weekday: "short", year: "numeric", month: "2-digit", day: "2-digit",
      hour: "2-digit", minute: "2-digit", second: "2-digit", hourCycle: "h23",
    });
  } catch {
    return; // an unknown time zone: keep the server's text
  }

  function render() {
    const now = new Date();
    const part = {};
    for (const { type, value } of format.formatToParts(now)) {
      part[type] = value;
    }
    const hour = Number(part.hour) % 24;
    const hour12 = hour % 12 === 0 ? 12 : hour % 12;
    const period = hour < 12 ? "صباحًا" : "مساءً";
    line.textContent = `${weekdays[part.weekday]} - ${part.year}/${part.month}/${part.day} ${hour12}:${part.minute}:${part.second} ${period}`;
    line.dateTime = now.toISOString();
  }

  function tick() {
    render();
    setTimeout(tick, 1000 - (Date.now() % 1000) + 5);
  }
  tick();
})();
