// cad-099-disk: disk stock (turned edges), label +Z
// features: +Z hole through; +Z counterbore through; +Z counterbore; +Z rounded pocket; -Z hole; -Z counterbore
// removed mm^3: px=0.000 mx=0.000 py=0.000 my=0.000 pz=6037.059 mz=720.523
// margin: label blind 4915.365 >= 1.50 x 1842.218 (through holes counted for both sides)
// written by eval/cad/recipes.py (seed 17); built by eval/cad/eval.mk
include <../lib.scad>
$fn = 32;
place([-273.17, -41.55, -3.34], [[0, 1, 0], [-1, 0, 0], [0, 0, 1]])
part() {
	rod_z(35.92, 38.72);
	face([0, 0, 38.72], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([0.26, -1.72, 0]) hole(1.96, 38.74);  // +Z 464.305
	face([0, 0, 38.72], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([0.38, -9.52, 0]) cbore(3.45, 10.41, 1.75, 38.74);  // +Z 657.390
	face([0, 0, 38.72], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([10.22, -15.18, 0]) cbore(4.31, 4.42, 2.85, 22.37);  // +Z 711.394
	face([0, 0, 38.72], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([-11.25, 5.69, 0]) pocket(15.70, 16.39, 4.70, 17.67);  // +Z 4203.971
	face([0, 0, 0], [1, 0, 0], [0, -1, 0], [0, 0, -1]) translate([-19.30, 13.91, 0]) hole(4.14, 11.49);  // -Z 614.719
	face([0, 0, 0], [1, 0, 0], [0, -1, 0], [0, 0, -1]) translate([-18.87, -18.47, 0]) cbore(3.52, 1.52, 2.13, 4.84);  // -Z 105.804
}
