// cad-021-plate: plate stock (round corners edges), label -X
// features: -X slot; -X 6 holes through; -X rounded pocket; -X rounded pocket; -X rounded pocket; +X countersink
// removed mm^3: px=52.380 mx=6367.675 py=0.000 my=0.000 pz=0.000 mz=0.000
// margin: label blind 3908.525 >= 1.50 x 2511.530 (through holes counted for both sides)
// written by eval/cad/recipes.py (seed 17); built by eval/cad/eval.mk
include <../lib.scad>
$fn = 24;
place([59.97, 65.17, 26.28], [[0, 0, -1], [-1, 0, 0], [0, 1, 0]])
part() {
	box_vfillet([125.91, 70.59, 13.47], 4.42);
	face([0, 0, 13.47], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([52.18, 24.58, 0]) slot(32.17, 3.80, 2.02);  // -X 584.467
	face([0, 0, 13.47], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([88.88, 35.15, 0]) { translate([-5.92, -15.49, 0]) hole(3.13, 13.49); translate([-5.92, 0.00, 0]) hole(3.13, 13.49); translate([-5.92, 15.49, 0]) hole(3.13, 13.49); translate([5.92, -15.49, 0]) hole(3.13, 13.49); translate([5.92, 0.00, 0]) hole(3.13, 13.49); translate([5.92, 15.49, 0]) hole(3.13, 13.49); };  // -X 2459.150
	face([0, 0, 13.47], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([25.84, 53.41, 0]) pocket(26.99, 14.37, 4.59, 3.07);  // -X 1132.854
	face([0, 0, 13.47], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([58.76, 51.54, 0]) pocket(24.46, 21.50, 6.80, 2.09);  // -X 1012.696
	face([0, 0, 13.47], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([32.71, 13.91, 0]) pocket(19.60, 10.49, 0.85, 5.75);  // -X 1178.508
	face([0, 70.59, 0], [1, 0, 0], [0, -1, 0], [0, 0, -1]) translate([17.73, 13.65, 0]) csink(3.65, 1.71, 1.93, 2.75);  // +X 52.380
}
