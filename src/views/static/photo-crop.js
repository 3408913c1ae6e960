// Perfil del usuario: the patient chooses which square of the picture becomes the photo, and only that square
// (a JPEG) is uploaded, through the same form and file field as without this file. Without it (or in a browser
// that cannot put a file into a file field) the picture goes as it is and the page crops it to its center.
(() => {
  const form = document.querySelector('form[data-photo-crop]');
  if (!form || typeof DataTransfer !== 'function' || !HTMLCanvasElement.prototype.toBlob) return;
  const input = form.querySelector('input[type="file"]');
  const box = form.querySelector('[data-crop-box]');
  const preview = box?.querySelector('[data-crop-preview]');
  const zoom = box?.querySelector('[data-crop="zoom"]');
  const moveX = box?.querySelector('[data-crop="x"]');
  const moveY = box?.querySelector('[data-crop="y"]');
  if (!input || !box || !preview || !zoom || !moveX || !moveY) return;
  // Big enough for any screen that shows it, small enough to upload quickly from a phone.
  const OUTPUT = 512;
  let image = null;
  let cropped = false;

  /** The square of the picture chosen by the controls, in the picture's pixels. */
  const square = () => {
    const side = Math.min(image.naturalWidth, image.naturalHeight) / (Number(zoom.value) / 100);
    const x = ((image.naturalWidth - side) * Number(moveX.value)) / 100;
    const y = ((image.naturalHeight - side) * Number(moveY.value)) / 100;
    return { x, y, side };
  };

  const draw = (canvas) => {
    const { x, y, side } = square();
    const context = canvas.getContext('2d');
    // JPEG has no transparency: a transparent PNG gets a white background instead of a black one.
    context.fillStyle = '#fff';
    context.fillRect(0, 0, canvas.width, canvas.height);
    context.drawImage(image, x, y, side, side, 0, 0, canvas.width, canvas.height);
  };

  /** A direction with no room to move (at this zoom) is shown disabled rather than doing nothing. */
  const syncControls = () => {
    const { side } = square();
    moveX.disabled = image.naturalWidth - side < 1;
    moveY.disabled = image.naturalHeight - side < 1;
  };

  const reset = () => {
    image = null;
    cropped = false;
    box.hidden = true;
  };

  input.addEventListener('change', () => {
    reset();
    const file = input.files?.[0];
    if (!file || !/^image\/(png|jpeg|webp)$/.test(file.type)) return;
    // A data: address, because the pages' content policy allows images from there and not from blob:.
    const reader = new FileReader();
    reader.addEventListener('load', () => {
      const candidate = new Image();
      candidate.addEventListener('load', () => {
        image = candidate;
        zoom.value = '100';
        moveX.value = '50';
        moveY.value = '50';
        // A wide picture only moves sideways at first, a tall one only up and down.
        syncControls();
        box.hidden = false;
        draw(preview);
      });
      // Not a picture the browser can read: it goes to the server as it is, which says what is wrong.
      candidate.src = String(reader.result);
    });
    reader.readAsDataURL(file);
  });

  for (const control of [zoom, moveX, moveY]) {
    control.addEventListener('input', () => {
      if (!image) return;
      syncControls();
      draw(preview);
    });
  }

  // Dragging the preview moves the square; the sliders follow, so keyboards and screen readers see the same.
  let drag = null;
  preview.addEventListener('pointerdown', (event) => {
    if (!image) return;
    drag = { x: event.clientX, y: event.clientY, startX: Number(moveX.value), startY: Number(moveY.value) };
    preview.setPointerCapture(event.pointerId);
    event.preventDefault();
  });
  preview.addEventListener('pointermove', (event) => {
    if (!drag || !image) return;
    const { side } = square();
    const shown = preview.getBoundingClientRect().width || preview.width;
    const perPixel = side / shown;
    const spareX = image.naturalWidth - side;
    const spareY = image.naturalHeight - side;
    // Dragging the picture right shows more of its left side: the square moves the other way.
    if (spareX > 0) moveX.value = String(drag.startX - ((event.clientX - drag.x) * perPixel * 100) / spareX);
    if (spareY > 0) moveY.value = String(drag.startY - ((event.clientY - drag.y) * perPixel * 100) / spareY);
    draw(preview);
  });
  const endDrag = () => {
    drag = null;
  };
  preview.addEventListener('pointerup', endDrag);
  preview.addEventListener('pointercancel', endDrag);

  form.addEventListener('submit', (event) => {
    if (!image || cropped) return;
    event.preventDefault();
    const canvas = document.createElement('canvas');
    canvas.width = Math.min(OUTPUT, Math.round(square().side));
    canvas.height = canvas.width;
    draw(canvas);
    canvas.toBlob(
      (blob) => {
        if (blob) {
          const transfer = new DataTransfer();
          transfer.items.add(new File([blob], 'foto.jpg', { type: 'image/jpeg' }));
          input.files = transfer.files;
        }
        // Sent either way: without a blob the original picture goes, and the page crops it to its center.
        cropped = true;
        form.submit();
      },
      'image/jpeg',
      0.9,
    );
  });
})();
