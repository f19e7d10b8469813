import { renderTextImage } from '../support/text-image';

/** A caption track that names a patient (cue 2) and gives her MRN (cue 3). */
export const PATIENT_CAPTIONS = `1
00:00:00,000 --> 00:00:02,500
Welcome to the oncology day unit.

2
00:00:02,500 --> 00:00:05,000
Our patient Maria Gonzalez rang the bell today,

3
00:00:05,000 --> 00:00:07,500
chart MRN 48213377, after her last chemo.
`;

/** Where the MRN line of the whiteboard is drawn (a 36px font at this top edge). */
export const WHITEBOARD_MRN_TOP = 140;

/** A 640×240 PNG of a whiteboard with a patient's name and MRN, drawn at test time. */
export const patientWhiteboard = () =>
  renderTextImage({
    width: 640,
    height: 240,
    lines: [
      { text: 'Patient Maria Gonzalez', x: 40, y: 40, size: 36 },
      { text: 'MRN 48213377', x: 40, y: WHITEBOARD_MRN_TOP, size: 36 },
    ],
  });
