// cad-048-boxfillet: box_fillet stock (fillet edges), label -Y
// features: -Y hole; -Y circular pocket; -Y counterbore; -Y counterbore
// removed mm^3: px=0.000 mx=0.000 py=0.000 my=2.728 pz=0.000 mz=0.000
// margin: label blind 2.728 >= 1.50 x 0.000 (through holes counted for both sides)
// written by eval/cad/recipes.py (seed 17); built by eval/cad/eval.mk
include <../lib.scad>
$fn = 40;
place([-82.22, 32.52, -26.78], [[0, 1, 0], [0, 0, -1], [-1, 0, 0]])
part() {
	box_fillet([3.08, 5.48, 5.15], 0.23, 16);
	face([0, 0, 5.15], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([0.72, 1.02, 0]) hole(0.26, 3.05);  // -Y 0.645
	face([0, 0, 5.15], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([1.03, 2.05, 0]) hole(0.63, 0.95);  // -Y 1.180
	face([0, 0, 5.15], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([1.72, 3.67, 0]) cbore(0.45, 0.22, 0.26, 1.30);  // -Y 0.368
	face([0, 0, 5.15], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([2.22, 0.98, 0]) cbore(0.36, 0.46, 0.21, 2.99);  // -Y 0.536
}
