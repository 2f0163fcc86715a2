// cad-014-boxchamfer: box_chamfer stock (chamfer edges), label +X
// features: +X slot; +X rounded pocket; -Z counterbore; -X hole; -Z hole
// removed mm^3: px=212194.133 mx=1152.108 py=0.000 my=0.000 pz=0.000 mz=4283.472
// margin: label blind 212194.133 >= 1.50 x 4283.472 (through holes counted for both sides)
// written by eval/cad/recipes.py (seed 17); built by eval/cad/eval.mk
include <../lib.scad>
$fn = 40;
place([-50.91, -164.11, 24.09], [[0, 0, 1], [0, 1, 0], [-1, 0, 0]])
part() {
	box_chamfer([169.53, 121.95, 192.92], 17.18);
	face([0, 0, 192.92], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([115.23, 45.38, 0]) slot(19.63, 5.50, 74.42);  // +X 23112.832
	face([0, 0, 192.92], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([61.07, 48.16, 0]) pocket(42.85, 42.11, 4.11, 105.65);  // +X 189081.301
	face([169.53, 0, 0], [0, 1, 0], [0, 0, 1], [1, 0, 0]) translate([90.54, 146.60, 0]) cbore(8.94, 7.58, 5.04, 25.43);  // -Z 3314.031
	face([0, 121.95, 0], [1, 0, 0], [0, -1, 0], [0, 0, -1]) translate([91.89, 70.32, 0]) hole(3.72, 26.61);  // -X 1152.108
	face([169.53, 0, 0], [0, 1, 0], [0, 0, 1], [1, 0, 0]) translate([56.74, 140.25, 0]) hole(3.03, 33.75);  // -Z 969.441
}
