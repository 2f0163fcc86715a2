// cad-156-shaft: shaft stock (turned edges), label -Z
// features: -Z rounded pocket; -Z slot; -Z counterbore
// removed mm^3: px=0.000 mx=0.000 py=0.000 my=0.000 pz=0.000 mz=239.796
// margin: label blind 239.796 >= 1.50 x 0.000 (through holes counted for both sides)
// written by eval/cad/recipes.py (seed 17); built by eval/cad/eval.mk
include <../lib.scad>
$fn = 40;
place([-178.05, -54.92, 42.46], [[0, -1, 0], [-1, 0, 0], [0, 0, -1]])
part() {
	shaft_z([[6.28, 6.81], [8.11, 11.09], [11.48, 6.62]]);
	face([0, 0, 24.52], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([-1.45, 0.95, 0]) pocket(8.95, 6.59, 2.90, 3.82);  // -Z 197.314
	face([0, 0, 24.52], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([-2.90, -4.47, 0]) slot(4.47, 0.77, 2.45);  // -Z 21.410
	face([0, 0, 24.52], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([6.76, 2.66, 0]) cbore(2.41, 0.80, 1.18, 2.30);  // -Z 21.072
}
