// cad-036-box: box stock (sharp edges), label +Y
// features: +Y countersink; +Y pocket; -X slot
// removed mm^3: px=0.000 mx=65.133 py=2745.754 my=0.000 pz=0.000 mz=0.000
// margin: label blind 2745.754 >= 1.50 x 65.133 (through holes counted for both sides)
// written by eval/cad/recipes.py (seed 17); built by eval/cad/eval.mk
include <../lib.scad>
$fn = 20;
place([-54.28, -41.08, 55.70], [[1, 0, 0], [0, 0, 1], [0, -1, 0]])
part() {
	box([30.06, 35.26, 39.89]);
	face([0, 0, 39.89], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([22.44, 24.92, 0]) csink(4.33, 2.07, 2.26, 6.61);  // +Y 132.085
	face([0, 0, 39.89], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([19.64, 11.62, 0]) pocket(16.84, 10.93, 0.00, 14.20);  // +Y 2613.669
	face([0, 0, 39.89], [0, 1, 0], [0, 0, -1], [-1, 0, 0]) translate([23.60, 31.49, 0]) slot(5.64, 0.82, 5.75);  // -X 65.133
}
