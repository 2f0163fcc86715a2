// cad-040-plate: plate stock (round corners edges), label -Z
// features: -Z rounded pocket; -Z rounded pocket; +Z countersink; -X counterbore
// removed mm^3: px=0.000 mx=64.785 py=0.000 my=0.000 pz=8.003 mz=3016.475
// margin: label blind 3016.475 >= 1.50 x 64.785 (through holes counted for both sides)
// written by eval/cad/recipes.py (seed 17); built by eval/cad/eval.mk
include <../lib.scad>
$fn = 32;
place([58.25, 224.97, 131.45], [[0, -1, 0], [-1, 0, 0], [0, 0, -1]])
part() {
	box_vfillet([76.92, 58.78, 9.14], 1.69);
	face([0, 0, 9.14], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([44.82, 30.51, 0]) pocket(30.02, 26.15, 7.74, 2.38);  // -Z 1743.090
	face([0, 0, 9.14], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([15.72, 28.80, 0]) pocket(17.94, 16.02, 4.62, 4.74);  // -Z 1273.385
	face([0, 58.78, 0], [1, 0, 0], [0, -1, 0], [0, 0, -1]) translate([67.12, 16.15, 0]) csink(1.93, 1.15, 0.78, 1.29);  // +Z 8.003
	face([0, 58.78, 9.14], [1, 0, 0], [0, 0, -1], [0, 1, 0]) translate([5.37, 4.62, 0]) cbore(2.17, 2.57, 1.21, 8.48);  // -X 64.785
}
