// Draws each <canvas data-chart="…"> of the analytics dashboard with Chart.js (loaded before this file).
document.querySelectorAll('canvas[data-chart]').forEach(function (canvas) {
  if (window.Chart) { new Chart(canvas, JSON.parse(canvas.dataset.chart)); }
});
