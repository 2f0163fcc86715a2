// cad-070-plate: plate stock (sharp edges), label -Y
// features: -Y step; -Y counterbore; -Y rounded pocket; -Y pocket
// removed mm^3: px=0.000 mx=0.000 py=0.000 my=34.024 pz=0.000 mz=0.000
// margin: label blind 34.024 >= 1.50 x 0.000 (through holes counted for both sides)
// written by eval/cad/recipes.py (seed 17); built by eval/cad/eval.mk
include <../lib.scad>
$fn = 28;
place([-67.46, 10.42, 13.11], [[0, 1, 0], [0, 0, -1], [-1, 0, 0]])
part() {
	box([23.18, 13.58, 1.17]);
	face([0, 0, 1.17], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([11.59, 1.70, 0]) translate([0, -0.50, 0]) step(25.18, 4.40, 0.22);  // -Y 17.339
	face([0, 0, 1.17], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([13.81, 5.04, 0]) cbore(1.06, 0.11, 0.61, 0.34);  // -Y 0.652
	face([0, 0, 1.17], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([7.70, 8.63, 0]) pocket(2.08, 4.07, 0.27, 0.54);  // -Y 4.537
	face([0, 0, 1.17], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([17.27, 8.63, 0]) pocket(3.57, 5.65, 0.00, 0.57);  // -Y 11.497
}
