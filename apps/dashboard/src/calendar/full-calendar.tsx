import { Calendar } from '@fullcalendar/core';
import type { CalendarOptions } from '@fullcalendar/core';
import { forwardRef, useEffect, useImperativeHandle, useRef } from 'react';

/** FullCalendar 6's own Calendar, mounted once and given new options as they change. */
export const FullCalendar = forwardRef<Calendar | null, { options: CalendarOptions }>(
  function FullCalendar({ options }, ref) {
    const element = useRef<HTMLDivElement>(null);
    const calendar = useRef<Calendar | null>(null);
    useImperativeHandle(ref, () => calendar.current as Calendar, []);
    useEffect(() => {
      const instance = new Calendar(element.current!, options);
      instance.render();
      calendar.current = instance;
      return () => {
        instance.destroy();
        calendar.current = null;
      };
      // Mounted once; later option changes go through resetOptions below.
    }, []);
    useEffect(() => {
      calendar.current?.resetOptions(options, Object.keys(options) as (keyof CalendarOptions)[]);
    }, [options]);
    return <div ref={element} />;
  },
);
