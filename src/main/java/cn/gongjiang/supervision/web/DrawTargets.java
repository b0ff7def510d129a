package cn.gongjiang.supervision.web;

import java.util.HashMap;
import java.util.Map;

import org.springframework.stereotype.Component;

import cn.gongjiang.shared.BusinessException;
import cn.gongjiang.supervision.Inspections;
import cn.gongjiang.training.TrainingClass;
import cn.gongjiang.training.TrainingClasses;

/**
 * The classes a draw names, so that pages show a drawn class by its provider and occupation's name rather than by the
 * label stored with the draw (which carries the occupation's code).
 */
@Component
class DrawTargets {

	private final TrainingClasses classes;

	DrawTargets(TrainingClasses classes) {
		this.classes = classes;
	}

	Map<String, TrainingClass.Summary> classesOf(Inspections.Draw draw) {
		var found = new HashMap<String, TrainingClass.Summary>();
		draw.targets().stream().filter(t -> t.kind().equals("CLASS")).forEach(t -> {
			try {
				found.put(t.id(), classes.summary(Long.parseLong(t.id())));
			}
			catch (BusinessException | NumberFormatException gone) {
				// a class no longer found keeps the name stored with the draw
			}
		});
		return found;
	}
}
