// cad-012-lstock: lstock stock (sharp edges), label +Z
// features: +Z pocket in pocket; +Z circular pocket; +Z countersink; +Z hole; +Z rounded pocket; -Y hole; -X counterbore
// removed mm^3: px=0.000 mx=0.477 py=0.000 my=1.444 pz=10.085 mz=0.000
// margin: label blind 10.085 >= 1.50 x 1.444 (through holes counted for both sides)
// written by eval/cad/recipes.py (seed 17); built by eval/cad/eval.mk
include <../lib.scad>
$fn = 20;
place([-170.40, 195.83, 211.47], [[0, 1, 0], [-1, 0, 0], [0, 0, 1]])
part() {
	lstock([9.75, 4.28, 7.44], 1.46, 3.40);
	face([0, 0, 7.44], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([1.12, 0.72, 0]) pocket2(1.32, 1.26, 0.18, 2.55, 0.69, 0.66, 0.13, 2.27, 0.06, 0.01);  // +Z 5.165
	face([0, 0, 7.44], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([4.40, 0.43, 0]) hole(0.36, 2.23);  // +Z 0.893
	face([0, 0, 7.44], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([2.92, 0.80, 0]) csink(0.54, 0.30, 0.25, 1.47);  // +Z 0.479
	face([0, 0, 7.44], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([7.15, 0.98, 0]) hole(0.21, 4.41);  // +Z 0.601
	face([0, 0, 7.44], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([9.00, 0.60, 0]) pocket(0.99, 0.88, 0.26, 3.64);  // +Z 2.947
	face([9.75, 0, 0], [0, 1, 0], [0, 0, 1], [1, 0, 0]) translate([0.60, 1.94, 0]) hole(0.41, 2.78);  // -Y 1.444
	face([0, 0, 0], [1, 0, 0], [0, 0, 1], [0, -1, 0]) translate([5.07, 1.73, 0]) cbore(0.81, 0.13, 0.48, 0.43);  // -X 0.477
}
